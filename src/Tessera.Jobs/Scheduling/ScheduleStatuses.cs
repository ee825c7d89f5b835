using System.Collections.Frozen;

namespace Tessera.Jobs.Scheduling;

/// <summary>The state sets of <see cref="ScheduleStatus"/>, as Aurora defines them.</summary>
public static class ScheduleStatuses
{
    /// <summary>PENDING through PARTITIONED: the task holds its instance.</summary>
    public static FrozenSet<ScheduleStatus> Active { get; } = new[]
    {
        ScheduleStatus.PENDING, ScheduleStatus.THROTTLED, ScheduleStatus.ASSIGNED, ScheduleStatus.STARTING,
        ScheduleStatus.RUNNING, ScheduleStatus.KILLING, ScheduleStatus.RESTARTING, ScheduleStatus.DRAINING,
        ScheduleStatus.PREEMPTING, ScheduleStatus.PARTITIONED,
    }.ToFrozenSet();

    /// <summary>FINISHED, FAILED, KILLED, LOST: nothing follows.</summary>
    public static FrozenSet<ScheduleStatus> Terminal { get; } = new[]
    {
        ScheduleStatus.FINISHED, ScheduleStatus.FAILED, ScheduleStatus.KILLED, ScheduleStatus.LOST,
    }.ToFrozenSet();

    /// <summary>States a kill was sent from: the ones that decide rescheduling by themselves.</summary>
    public static FrozenSet<ScheduleStatus> BeingKilled { get; } = new[]
    {
        ScheduleStatus.KILLING, ScheduleStatus.RESTARTING, ScheduleStatus.DRAINING, ScheduleStatus.PREEMPTING,
    }.ToFrozenSet();

    /// <summary>States that hold resources on an agent (counted by limit constraints).</summary>
    public static FrozenSet<ScheduleStatus> OnAgent { get; } = new[]
    {
        ScheduleStatus.ASSIGNED, ScheduleStatus.STARTING, ScheduleStatus.RUNNING, ScheduleStatus.KILLING,
        ScheduleStatus.RESTARTING, ScheduleStatus.DRAINING, ScheduleStatus.PREEMPTING, ScheduleStatus.PARTITIONED,
    }.ToFrozenSet();

    public static bool IsActive(this ScheduleStatus status) => Active.Contains(status);

    public static bool IsTerminal(this ScheduleStatus status) => Terminal.Contains(status);
}
