using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>
/// The <c>restart</c> section of a job's status: its latest rolling restart (<c>rolling</c>,
/// <c>done</c> or <c>failed</c>), the settings it runs with, and where every instance is.
/// </summary>
/// <param name="Remaining">Instances not started yet, in order (left alone when it failed).</param>
/// <param name="InFlight">The batch being watched (as it was when it failed, if it did).</param>
/// <param name="Done">Instances whose replacement ran for the watch.</param>
/// <param name="Failed">Instances that failed, with why.</param>
/// <param name="Skipped">Instances with nothing to restart or killed meanwhile, with why.</param>
/// <param name="Reason">How it ended (for <c>failed</c>: why).</param>
public sealed record RestartStatus(
    RolloutPhase State,
    RolloutSettings Settings,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    ImmutableArray<int> Remaining,
    ImmutableArray<RestartInFlight> InFlight,
    ImmutableArray<int> Done,
    ImmutableArray<RolloutOutcome> Failed,
    ImmutableArray<RolloutOutcome> Skipped,
    string? Reason);

/// <summary>
/// An instance of the batch being watched: the task restarted, its newest replacement (or the
/// restarted task while none exists yet) and its state, the replacements that failed so far, and
/// how long the replacement has run healthy (null while it doesn't).
/// </summary>
public sealed record RestartInFlight(
    int Instance,
    string RestartedTaskId,
    string? TaskId,
    ScheduleStatus? Status,
    int Failures,
    double? WatchedSecs);
