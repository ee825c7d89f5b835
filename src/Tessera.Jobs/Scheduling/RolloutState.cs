using System.Collections.Immutable;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// A job's rolling restart, as stored (plain data; <see cref="RolloutPlanner"/> moves it on):
/// the instances still to restart in order, the batch in flight, and what became of the others.
/// A finished one (done or failed) is kept so that the job's status can show how it ended.
/// </summary>
/// <param name="Remaining">Instances not started yet, in the order they will be.</param>
/// <param name="InFlight">The current batch (frozen as it was when the restart failed).</param>
/// <param name="Done">Instances whose replacement ran for the watch.</param>
/// <param name="Failed">Instances with more failed replacements than allowed.</param>
/// <param name="Skipped">Instances with nothing to restart (no task on an agent, or killed meanwhile).</param>
/// <param name="Reason">Why it ended.</param>
public sealed record RolloutState(
    JobKey Job,
    RolloutSettings Settings,
    RolloutPhase Phase,
    DateTimeOffset StartedAt,
    ImmutableArray<int> Remaining,
    ImmutableArray<RolloutInstance> InFlight,
    ImmutableArray<int> Done,
    ImmutableArray<RolloutOutcome> Failed,
    ImmutableArray<RolloutOutcome> Skipped,
    DateTimeOffset? EndedAt = null,
    string? Reason = null)
{
    /// <summary>A new restart of <paramref name="instances"/> (in order, each once), nothing started yet.</summary>
    public static RolloutState Start(JobKey job, IEnumerable<int> instances, RolloutSettings settings, DateTimeOffset now) =>
        new(job, settings, RolloutPhase.Rolling, now, [.. instances.Distinct().Order()], [], [], [], []);
}
