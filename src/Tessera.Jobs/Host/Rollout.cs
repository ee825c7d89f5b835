using System.Collections.Immutable;

namespace Tessera.Jobs.Host;

/// <summary>
/// A rolling restart in progress: instances still to restart (in order), and the batch in flight
/// with the task each instance had when it was restarted.
/// </summary>
internal sealed record Rollout(ImmutableQueue<int> Remaining, ImmutableDictionary<int, string?> InFlight, int BatchSize)
{
    public bool Done => Remaining.IsEmpty && InFlight.IsEmpty;
}
