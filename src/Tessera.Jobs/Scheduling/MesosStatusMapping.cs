using Tessera.Core.Protocol;

namespace Tessera.Jobs.Scheduling;

/// <summary>What a Mesos status update moves a task to, given the state it is in.</summary>
public static class MesosStatusMapping
{
    /// <summary>
    /// The target state of <paramref name="update"/> for a task in <paramref name="current"/>, or null
    /// when the update changes nothing (TASK_KILLING; a running-state update for a task being killed;
    /// TASK_STARTING for a RUNNING task).
    /// </summary>
    public static ScheduleStatus? Target(TaskState update, ScheduleStatus current)
    {
        var beingKilled = ScheduleStatuses.BeingKilled.Contains(current);
        return update switch
        {
            // A late TASK_STARTING after TASK_RUNNING (updates can arrive out of order) changes nothing.
            TaskState.TASK_STAGING or TaskState.TASK_STARTING =>
                beingKilled || current == ScheduleStatus.RUNNING ? null : ScheduleStatus.STARTING,
            TaskState.TASK_RUNNING => beingKilled ? null : ScheduleStatus.RUNNING,
            TaskState.TASK_KILLING => null,
            TaskState.TASK_FINISHED => ScheduleStatus.FINISHED,
            TaskState.TASK_FAILED or TaskState.TASK_ERROR => ScheduleStatus.FAILED,
            TaskState.TASK_KILLED => ScheduleStatus.KILLED,
            // A partition during a kill is LOST at once (Aurora): nobody waits for that agent.
            TaskState.TASK_UNREACHABLE => beingKilled ? ScheduleStatus.LOST : ScheduleStatus.PARTITIONED,
            TaskState.TASK_LOST or TaskState.TASK_DROPPED or TaskState.TASK_GONE
                or TaskState.TASK_GONE_BY_OPERATOR or TaskState.TASK_UNKNOWN => ScheduleStatus.LOST,
            _ => null,
        };
    }
}
