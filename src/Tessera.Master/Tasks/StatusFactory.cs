using Tessera.Core.Protocol;

namespace Tessera.Master.Tasks;

/// <summary>Statuses the master makes itself (SOURCE_MASTER, no uuid: nobody acknowledges them).</summary>
internal static class StatusFactory
{
    public static MesosTaskStatus Master(TaskID taskId, AgentID? agentId, TaskState state, TaskStatusReason? reason, string? message, DateTimeOffset now) => new()
    {
        TaskId = taskId,
        State = state,
        Source = TaskStatusSource.SOURCE_MASTER,
        Reason = reason,
        Message = message,
        AgentId = agentId,
        Timestamp = Seconds(now),
    };

    public static double Seconds(DateTimeOffset t) => (t - DateTimeOffset.UnixEpoch).TotalSeconds;

    /// <summary>What a framework sees: the state mapped for its PARTITION_AWARE capability.</summary>
    public static MesosTaskStatus ForFramework(MesosTaskStatus status, bool partitionAware) =>
        status with { State = TaskStates.ForFramework(status.State, partitionAware) };
}
