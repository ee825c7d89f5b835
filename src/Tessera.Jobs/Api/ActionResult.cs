using System.Collections.Immutable;

namespace Tessera.Jobs.Api;

/// <summary>What a create, kill, restart or add did: one sentence and the tasks it touched.</summary>
public sealed record ActionResult(string Key, string Message, ImmutableArray<int> Instances, ImmutableArray<string> TaskIds);
