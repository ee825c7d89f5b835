using System.Collections.Immutable;

namespace Tessera.Jobs.Api;

/// <summary>What a create, kill, restart or add did: one sentence, the tasks it touched, and for a restart its update.</summary>
public sealed record ActionResult(string Key, string Message, ImmutableArray<int> Instances, ImmutableArray<string> TaskIds,
    string? UpdateId = null);
