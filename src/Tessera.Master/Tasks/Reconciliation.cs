using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.State;

namespace Tessera.Master.Tasks;

/// <summary>
/// RECONCILE answers, as Mesos gives them: the latest known state with REASON_RECONCILIATION and no
/// uuid; for a task the master doesn't know (including one that ended and was acknowledged), what it
/// can say from the agent: GONE when the agent is
/// registered, UNREACHABLE when it is unreachable, UNKNOWN otherwise (LOST for frameworks that are
/// not partition-aware).
/// </summary>
internal static class Reconciliation
{
    public static IEnumerable<MesosTaskStatus> Implicit(FrameworkRecord framework, DateTimeOffset now) =>
        framework.Tasks.Values.Select(t => Known(framework, t, now));

    public static IEnumerable<MesosTaskStatus> Explicit(MasterState state, FrameworkRecord framework, IReadOnlyList<ReconcileTask> tasks, DateTimeOffset now)
    {
        foreach (var asked in tasks)
        {
            if (framework.Tasks.TryGetValue(asked.TaskId.Value, out var task))
            {
                yield return Known(framework, task, now);
                continue;
            }
            // Like Mesos, a task that ended and was acknowledged is no longer known here: the answer
            // comes from its agent's standing (TASK_GONE, or TASK_LOST without PARTITION_AWARE).
            var agent = state.Agent(asked.AgentId?.Value);
            var stateGuess = agent switch
            {
                { Status: AgentStatus.Registered } => TaskState.TASK_GONE,
                { Status: AgentStatus.Unreachable } => TaskState.TASK_UNREACHABLE,
                _ when asked.AgentId is not null && state.GoneAgents.Contains(asked.AgentId.Value) => TaskState.TASK_GONE_BY_OPERATOR,
                _ => TaskState.TASK_UNKNOWN,
            };
            var status = StatusFactory.Master(asked.TaskId, asked.AgentId, stateGuess, TaskStatusReason.REASON_RECONCILIATION,
                "reconciliation: task is not known to the master", now);
            yield return StatusFactory.ForFramework(status, framework.PartitionAware);
        }
    }

    private static MesosTaskStatus Known(FrameworkRecord framework, TaskRecord task, DateTimeOffset now)
    {
        var latest = task.Latest ?? StatusFactory.Master(task.Info.TaskId, AgentID.Of(task.AgentId), task.State, null, null, now);
        var status = latest with
        {
            Uuid = null,
            Reason = TaskStatusReason.REASON_RECONCILIATION,
            Source = TaskStatusSource.SOURCE_MASTER,
            Timestamp = StatusFactory.Seconds(now),
        };
        return StatusFactory.ForFramework(status, framework.PartitionAware);
    }
}
