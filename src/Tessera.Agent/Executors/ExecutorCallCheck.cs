using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;

namespace Tessera.Agent.Executors;

/// <summary>
/// What Mesos' agent checks of an executor call before looking at its own state; the answer names
/// the field and the rule (null: well formed).
/// </summary>
internal static class ExecutorCallCheck
{
    public static string? Problem(ExecutorCall call)
    {
        if (string.IsNullOrEmpty(call.ExecutorId.Value)) return "'executor_id.value' must not be empty";
        if (string.IsNullOrEmpty(call.FrameworkId.Value)) return "'framework_id.value' must not be empty";
        return call.Type switch
        {
            null => "'type' is required",
            ExecutorCallType.UNKNOWN => "'type' is not a known call type (SUBSCRIBE, UPDATE, MESSAGE, HEARTBEAT)",
            ExecutorCallType.SUBSCRIBE when call.Subscribe is null => "'subscribe' is required for a SUBSCRIBE call",
            ExecutorCallType.UPDATE when call.Update is null => "'update' is required for an UPDATE call",
            ExecutorCallType.UPDATE => Update(call, call.Update!.Status),
            ExecutorCallType.MESSAGE when call.Message is null => "'message' is required for a MESSAGE call",
            _ => null,
        };
    }

    private static string? Update(ExecutorCall call, MesosTaskStatus status)
    {
        if (status.Uuid is null) return "'update.status.uuid' is required";
        if (status.Uuid.Length != 16) return $"'update.status.uuid' must be a 16-byte UUID, not {status.Uuid.Length} bytes";
        if (status.ExecutorId is { } executor && executor.Value != call.ExecutorId.Value)
            return $"'update.status.executor_id' ({executor.Value}) does not match 'executor_id' ({call.ExecutorId.Value})";
        if (status.Source != TaskStatusSource.SOURCE_EXECUTOR)
            return $"'update.status.source' must be SOURCE_EXECUTOR, not {status.Source?.ToString() ?? "absent"}";
        if (status.State == TaskState.TASK_STAGING) return "'update.status.state' must not be TASK_STAGING";
        return null;
    }
}
