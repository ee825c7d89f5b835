using Tessera.Core.Protocol;

namespace Tessera.Agent.StatusUpdates;

/// <summary>A status the agent itself writes (for a command task or on an executor's behalf): stamped with the agent id, the time and a fresh uuid.</summary>
internal static class AgentStatus
{
    public static MesosTaskStatus Create(AgentRuntime rt, TaskID task, ExecutorID executor, TaskState state, TaskStatusReason? reason,
        string? message, TaskStatusSource source, bool? healthy = null) => new()
    {
        TaskId = task,
        State = state,
        Source = source,
        Reason = reason,
        Message = message,
        AgentId = rt.AgentId is { } id ? AgentID.Of(id) : null,
        ExecutorId = executor,
        Timestamp = (rt.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds,
        Uuid = ByteString.CopyFrom(rt.NewUuid()),
        Healthy = healthy,
    };
}
