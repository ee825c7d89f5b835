namespace Tessera.Jobs.Scheduling;

/// <summary>
/// Aurora's task states. Active: PENDING … PARTITIONED; terminal: FINISHED, FAILED, KILLED, LOST;
/// INIT is the state of a task that is being created. See <see cref="TaskTransitions"/> for the moves.
/// </summary>
public enum ScheduleStatus
{
    /// <summary>Being created; becomes PENDING or THROTTLED at once.</summary>
    INIT,

    /// <summary>Waiting for an offer that fits.</summary>
    PENDING,

    /// <summary>Waiting out a flapping penalty before it may be PENDING again.</summary>
    THROTTLED,

    /// <summary>Placed on an agent; the launch was sent.</summary>
    ASSIGNED,

    /// <summary>The agent is starting it (TASK_STARTING).</summary>
    STARTING,

    /// <summary>Running (and healthy, when it has health checks).</summary>
    RUNNING,

    /// <summary>Being killed on a user's request; never rescheduled.</summary>
    KILLING,

    /// <summary>Being killed to restart it; always rescheduled.</summary>
    RESTARTING,

    /// <summary>Being killed because its host drains; always rescheduled.</summary>
    DRAINING,

    /// <summary>Being killed to make room for a higher-priority task; always rescheduled.</summary>
    PREEMPTING,

    /// <summary>Its agent is unreachable; the job's partition policy decides what follows.</summary>
    PARTITIONED,

    /// <summary>Terminal: exited with success.</summary>
    FINISHED,

    /// <summary>Terminal: exited with failure.</summary>
    FAILED,

    /// <summary>Terminal: killed.</summary>
    KILLED,

    /// <summary>Terminal: gone with its agent, dropped, or never confirmed.</summary>
    LOST,
}
