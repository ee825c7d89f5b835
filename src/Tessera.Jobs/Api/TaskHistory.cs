using System.Collections.Immutable;

namespace Tessera.Jobs.Api;

/// <summary><c>GET …/tasks/{instance}/history</c>: every task the instance had, oldest first.</summary>
public sealed record TaskHistory(string Key, int Instance, ImmutableArray<TaskRecord> Tasks);
