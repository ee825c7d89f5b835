using System.Collections.Frozen;
using static Tessera.Jobs.Scheduling.ScheduleStatus;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// The moves between <see cref="ScheduleStatus"/> values that Aurora allows. Terminal states have
/// none. Killing a PENDING or THROTTLED task deletes it instead (<see cref="TaskStateMachine.Kill"/>),
/// so KILLING is not reachable from them.
/// </summary>
public static class TaskTransitions
{
    private static readonly ScheduleStatus[] Ends = [FINISHED, FAILED, KILLED, LOST];

    // Kill-like moves from a task on an agent.
    private static readonly ScheduleStatus[] Interrupts = [KILLING, RESTARTING, DRAINING, PREEMPTING, PARTITIONED];

    private static readonly FrozenDictionary<ScheduleStatus, FrozenSet<ScheduleStatus>> Allowed =
        new Dictionary<ScheduleStatus, ScheduleStatus[]>
        {
            [INIT] = [PENDING, THROTTLED],
            [THROTTLED] = [PENDING],
            [PENDING] = [ASSIGNED],
            [ASSIGNED] = [STARTING, RUNNING, .. Ends, .. Interrupts],
            [STARTING] = [RUNNING, .. Ends, .. Interrupts],
            [RUNNING] = [.. Ends, .. Interrupts],
            // A kill in progress only ends (a partition during it is LOST at once); a user's kill
            // overrides a restart, drain or preemption so that the task is not replaced.
            [KILLING] = Ends,
            [RESTARTING] = [KILLING, .. Ends],
            [DRAINING] = [KILLING, .. Ends],
            [PREEMPTING] = [KILLING, .. Ends],
            // The agent may come back with the task in any running state, or the task ends.
            [PARTITIONED] = [ASSIGNED, STARTING, RUNNING, KILLING, .. Ends],
            [FINISHED] = [],
            [FAILED] = [],
            [KILLED] = [],
            [LOST] = [],
        }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet());

    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is allowed.</summary>
    public static bool IsAllowed(ScheduleStatus from, ScheduleStatus to) =>
        Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>The states reachable in one move from <paramref name="from"/>, in enum order.</summary>
    public static IReadOnlyList<ScheduleStatus> From(ScheduleStatus from) =>
        Allowed.TryGetValue(from, out var next) ? next.Order().ToArray() : [];
}
