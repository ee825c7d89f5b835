using Tessera.Core.Protocol;

namespace Tessera.Agent.Executors;

/// <summary>A LAUNCH (one task) or LAUNCH_GROUP (several) waiting for the executor to subscribe.</summary>
internal sealed record QueuedLaunch(IReadOnlyList<TaskInfo> Tasks, bool IsGroup);
