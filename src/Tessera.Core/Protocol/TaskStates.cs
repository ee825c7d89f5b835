using System.Collections.Frozen;

namespace Tessera.Core.Protocol;

/// <summary>
/// Facts about <see cref="TaskState"/>: the terminal set (as Mesos' <c>protobuf::isTerminalState</c>),
/// legal transitions, and the mapping for frameworks without <c>PARTITION_AWARE</c>.
/// </summary>
/// <remarks>
/// Transition table (<see cref="IsLegalTransition"/>):
/// <list type="bullet">
/// <item>any state to itself (repeated updates, e.g. a health change while RUNNING);</item>
/// <item>from a terminal state: nothing else;</item>
/// <item>STAGING → STARTING → RUNNING → KILLING, only forwards (steps may be skipped);</item>
/// <item>STAGING, STARTING, RUNNING, KILLING → any terminal state or UNREACHABLE;</item>
/// <item>UNREACHABLE → anything (the agent reregisters and reports the task's real state,
/// or the agent is marked gone, or forgotten: UNKNOWN);</item>
/// <item>UNKNOWN → anything (it is a reconciliation answer, not a lifecycle step).</item>
/// </list>
/// TASK_LOST is terminal, as in Mesos: a master keeps a partitioned task as UNREACHABLE and only
/// reports it as LOST to frameworks that are not partition-aware (<see cref="ForFramework"/>).
/// </remarks>
public static class TaskStates
{
    /// <summary>The terminal states: resources are released and the task never runs again.</summary>
    public static IReadOnlySet<TaskState> Terminal { get; } = new[]
    {
        TaskState.TASK_FINISHED, TaskState.TASK_FAILED, TaskState.TASK_KILLED, TaskState.TASK_ERROR,
        TaskState.TASK_LOST, TaskState.TASK_DROPPED, TaskState.TASK_GONE, TaskState.TASK_GONE_BY_OPERATOR,
    }.ToFrozenSet();

    /// <summary>The states only partition-aware frameworks are sent.</summary>
    public static IReadOnlySet<TaskState> PartitionAwareOnly { get; } = new[]
    {
        TaskState.TASK_UNREACHABLE, TaskState.TASK_DROPPED, TaskState.TASK_GONE,
        TaskState.TASK_GONE_BY_OPERATOR, TaskState.TASK_UNKNOWN,
    }.ToFrozenSet();

    /// <summary>Whether <paramref name="state"/> is terminal.</summary>
    public static bool IsTerminal(TaskState state) => Terminal.Contains(state);

    /// <summary>Whether <paramref name="state"/> is not terminal (the task may still hold resources or run).</summary>
    public static bool IsActive(TaskState state) => !IsTerminal(state);

    /// <summary>Whether a task may move from <paramref name="from"/> to <paramref name="to"/> (see the table above).</summary>
    public static bool IsLegalTransition(TaskState from, TaskState to)
    {
        if (from == to)
        {
            return true;
        }

        if (IsTerminal(from))
        {
            return false;
        }

        if (from is TaskState.TASK_UNREACHABLE or TaskState.TASK_UNKNOWN)
        {
            return true;
        }

        if (IsTerminal(to) || to == TaskState.TASK_UNREACHABLE)
        {
            return true;
        }

        return Rank(to) > Rank(from);
    }

    /// <summary>
    /// The state to send to a framework: for one without <c>PARTITION_AWARE</c>, TASK_UNREACHABLE,
    /// TASK_DROPPED, TASK_GONE, TASK_GONE_BY_OPERATOR and TASK_UNKNOWN become TASK_LOST.
    /// </summary>
    public static TaskState ForFramework(TaskState state, bool partitionAware) =>
        !partitionAware && PartitionAwareOnly.Contains(state) ? TaskState.TASK_LOST : state;

    /// <summary>The same mapping, reading the capability from <paramref name="framework"/>.</summary>
    public static TaskState ForFramework(TaskState state, FrameworkInfo framework) =>
        ForFramework(state, framework.HasCapability(FrameworkCapabilityType.PARTITION_AWARE));

    private static int Rank(TaskState state) => state switch
    {
        TaskState.TASK_STAGING => 0,
        TaskState.TASK_STARTING => 1,
        TaskState.TASK_RUNNING => 2,
        TaskState.TASK_KILLING => 3,
        _ => -1,
    };
}
