using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Master.Offers;

/// <summary>
/// Mesos' checks on a task before it is launched. Pure: each returns the problem in words (for the
/// TASK_ERROR message) or null. Resource containment is checked by the caller, which knows what is left.
/// </summary>
internal static class LaunchValidator
{
    public static string? Task(TaskInfo task, string agentId, bool inGroup)
    {
        if (Id(task.TaskId.Value, "task_id") is { } badId) return badId;
        if (task.AgentId.Value != agentId)
            return $"task {task.TaskId.Value} names agent {task.AgentId.Value} but the offers are for agent {agentId}";
        if (inGroup)
        {
            if (task.Executor is not null) return $"task {task.TaskId.Value} in a task group must not have an executor";
            if (task.Command is null) return $"task {task.TaskId.Value} in a task group needs 'command'";
        }
        else if ((task.Command is null) == (task.Executor is null))
            return $"task {task.TaskId.Value} must have exactly one of 'command' or 'executor'";
        if (task.Resources is not { Count: > 0 }) return $"task {task.TaskId.Value} uses no resources";
        if (task.KillPolicy?.GracePeriod is { Nanoseconds: < 0 }) return $"task {task.TaskId.Value}: 'kill_policy.grace_period' must not be negative";
        if (task.Command is { } command && command.Shell != false && string.IsNullOrEmpty(command.Value))
            return $"task {task.TaskId.Value}: a shell command needs 'command.value'";
        if (task.HealthCheck is { } hc && Health(hc) is { } badCheck) return $"task {task.TaskId.Value}: {badCheck}";
        return null;
    }

    public static string? Executor(ExecutorInfo executor, string frameworkId)
    {
        if (Id(executor.ExecutorId.Value, "executor_id") is { } badId) return badId;
        if (executor.FrameworkId is { } f && f.Value != frameworkId)
            return $"executor {executor.ExecutorId.Value} names framework {f.Value}, not {frameworkId}";
        if (executor.Type != ExecutorType.DEFAULT && executor.Command is null)
            return $"executor {executor.ExecutorId.Value}: a custom executor needs 'command'";
        return null;
    }

    /// <summary>Task and executor ids: non-empty, no '/', not '.' or '..', no control characters (they become paths on the agent).</summary>
    public static string? Id(string id, string field)
    {
        if (string.IsNullOrEmpty(id)) return $"'{field}' must not be empty";
        if (id is "." or "..") return $"'{field}' must not be '.' or '..'";
        if (id.Length > 255) return $"'{field}' must be at most 255 characters";
        foreach (var c in id)
            if (c == '/' || c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
                return $"'{field}' '{id}' must not contain '/', '\\', whitespace or control characters";
        return null;
    }

    /// <summary>Every resource of a task must go to one role, and it must be one the framework holds the offer for.</summary>
    public static string? SingleRole(ResourceSet resources, string what)
    {
        var roles = resources.Select(r => r.AllocationRole).Distinct().ToList();
        return roles.Count == 1 ? null : $"{what} uses resources of several roles ({string.Join(", ", roles)})";
    }

    private static string? Health(HealthCheck hc)
    {
        if (hc.DelaySeconds is < 0 || hc.IntervalSeconds is < 0 || hc.TimeoutSeconds is < 0 || hc.GracePeriodSeconds is < 0)
            return "health check delay, interval, timeout and grace period must not be negative";
        return hc.Type switch
        {
            CheckType.COMMAND when hc.Command is null => "a COMMAND health check needs 'command'",
            CheckType.HTTP when hc.Http is null => "an HTTP health check needs 'http'",
            CheckType.TCP when hc.Tcp is null => "a TCP health check needs 'tcp'",
            _ => null,
        };
    }
}
