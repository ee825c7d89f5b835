using Microsoft.Extensions.Logging;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Tasks;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;
using Tessera.Core.Resources;

namespace Tessera.Agent.Executors;

/// <summary>Custom executors: launching their containers, timeouts, shutdown, and taking their updates.</summary>
internal sealed partial class ExecutorManager
{
    private void Accept(FrameworkInfo framework, ExecutorInfo info, QueuedLaunch launch)
    {
        var executor = Find(framework.Id!.Value, info.ExecutorId.Value);
        if (executor is { IsDefault: true })
        {
            Reject(framework, info, launch.Tasks, $"executor '{info.ExecutorId.Value}' is this framework's default executor, not a custom one");
            return;
        }
        if (executor is { State: ExecutorState.Terminating })
        {
            Reject(framework, info, launch.Tasks, $"executor '{info.ExecutorId.Value}' is shutting down");
            return;
        }
        var fresh = executor is null;
        executor ??= Add(framework, info);
        var tasks = launch.Tasks.Where(t => !executor.Tasks.ContainsKey(t.TaskId.Value)).ToList();
        if (tasks.Count == 0) return; // a repeated command after a reconnect
        foreach (var task in tasks) executor.Tasks[task.TaskId.Value] = new AgentTask(framework, task, executor.Sandbox);
        var queued = launch with { Tasks = tasks };
        if (executor.State == ExecutorState.Subscribed && executor.Stream is { } stream)
        {
            stream.Send(ExecutorEvents.Launch(queued));
            foreach (var task in tasks) executor.Sent.Add(task.TaskId.Value);
        }
        else
        {
            executor.Queued.Add(queued);
        }
        if (fresh) Start(executor);
        if (executor.State != ExecutorState.Terminated) Checkpoint(executor);
    }

    private void Start(AgentExecutor executor)
    {
        try
        {
            Directory.CreateDirectory(executor.Sandbox);
            executor.Container = _rt.Containerizer.Launch(Spec(executor));
        }
        catch (Exception e) when (e is ContainerLaunchException or IOException or UnauthorizedAccessException)
        {
            executor.EndReason = TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED;
            executor.EndMessage = $"Failed to launch executor '{executor.ExecutorId}': {e.Message}";
            Ended(executor, null, "failed to launch");
            return;
        }
        Watch(executor);
        LogLaunched(_log, executor.ExecutorId, executor.FrameworkId, executor.Sandbox);
    }

    /// <summary>The container's end back on the loop, and the timer for its (re-)subscription.</summary>
    private void Watch(AgentExecutor executor)
    {
        var key = executor.Key;
        var runId = executor.RunId;
        executor.Container!.OnExit(exit => _rt.Post(r => r.Executors.ContainerExited(key, runId, exit)));
        if (executor.State == ExecutorState.Launching)
            executor.Timer = _rt.Clock.CreateTimer(_ => _rt.Post(r => r.Executors.RegistrationTimedOut(key, runId)), null, _rt.Options.ExecutorRegistrationTimeout, Timeout.InfiniteTimeSpan);
        else if (executor.State == ExecutorState.Recovering)
            executor.Timer = _rt.Clock.CreateTimer(_ => _rt.Post(r => r.Executors.RecoveryTimedOut(key, runId)), null, _rt.Options.RecoveryTimeout, Timeout.InfiniteTimeSpan);
    }

    private void ContainerExited((string Framework, string Executor) key, string runId, ContainerExit exit)
    {
        if (!_executors.TryGetValue(key, out var executor) || executor.RunId != runId) return;
        Ended(executor, exit.Status, TaskExitOutcome.Describe(exit));
    }

    private void RegistrationTimedOut((string Framework, string Executor) key, string runId)
    {
        if (!_executors.TryGetValue(key, out var executor) || executor.RunId != runId || executor.State != ExecutorState.Launching) return;
        executor.EndReason = TaskStatusReason.REASON_EXECUTOR_REGISTRATION_TIMEOUT;
        executor.EndMessage = $"Executor did not subscribe within {Core.Flags.DurationText.Format(_rt.Options.ExecutorRegistrationTimeout)}";
        LogRegistrationTimeout(_log, executor.ExecutorId, executor.FrameworkId);
        executor.State = ExecutorState.Terminating;
        Checkpoint(executor);
        _ = executor.Container?.KillAsync(TimeSpan.Zero);
    }

    /// <summary>A recovered executor that didn't subscribe again in time is killed; its tasks fail (Mesos: REASON_EXECUTOR_REREGISTRATION_TIMEOUT).</summary>
    private void RecoveryTimedOut((string Framework, string Executor) key, string runId)
    {
        if (!_executors.TryGetValue(key, out var executor) || executor.RunId != runId || executor.State != ExecutorState.Recovering) return;
        executor.EndReason = TaskStatusReason.REASON_EXECUTOR_REREGISTRATION_TIMEOUT;
        executor.EndMessage = $"Executor did not re-subscribe within {Core.Flags.DurationText.Format(_rt.Options.RecoveryTimeout)} after the agent restarted";
        LogRecoveryTimeout(_log, executor.ExecutorId, executor.FrameworkId);
        executor.State = ExecutorState.Terminating;
        Checkpoint(executor);
        _ = executor.Container?.KillAsync(TimeSpan.Zero);
    }

    private void Shutdown(AgentExecutor executor)
    {
        if (executor.State is ExecutorState.Terminating or ExecutorState.Terminated) return;
        if (executor.IsDefault)
        {
            Default.Shutdown(executor);
            return;
        }
        var wasSubscribed = executor.State == ExecutorState.Subscribed && executor.Stream is not null;
        executor.State = ExecutorState.Terminating;
        executor.Timer?.Dispose();
        executor.Timer = null;
        Checkpoint(executor);
        if (executor.Container is not { } container) return;
        if (!wasSubscribed)
        {
            _ = container.KillAsync(TimeSpan.Zero);
            return;
        }
        executor.Stream!.Send(ExecutorEvents.Shutdown());
        // The executor has the grace period to end its tasks and exit; then its container is destroyed.
        var grace = executor.Info.ShutdownGracePeriod?.ToTimeSpan() ?? _rt.Options.ExecutorShutdownGracePeriod;
        _ = container.Exited.WaitAsync(grace, _rt.Clock).ContinueWith(t =>
        {
            if (!t.IsCompletedSuccessfully) _ = container.KillAsync(TimeSpan.Zero);
        }, TaskScheduler.Default);
    }

    /// <summary>Tasks this agent sent on an earlier subscription that the executor says it never got: Mesos drops them.</summary>
    private void DropUnreceived(AgentExecutor executor, IReadOnlyList<TaskInfo> unacknowledged)
    {
        var known = unacknowledged.Select(t => t.TaskId.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var task in executor.Live.Where(t => t.State == TaskState.TASK_STAGING && executor.Sent.Contains(t.TaskId) && !known.Contains(t.TaskId)).ToList())
        {
            var state = task.Framework.HasCapability(FrameworkCapabilityType.PARTITION_AWARE) ? TaskState.TASK_DROPPED : TaskState.TASK_LOST;
            Update(executor, task, state, null, "The executor re-subscribed without this task: its LAUNCH was lost", TaskStatusSource.SOURCE_AGENT);
        }
    }

    /// <summary>An update from the executor: stamped as Mesos' agent does, then delivered reliably.</summary>
    private void Take(AgentExecutor executor, MesosTaskStatus status)
    {
        if (!executor.Seen.TryAdd(status.Uuid!, status.TaskId.Value)) return;
        var stamped = status with
        {
            Source = TaskStatusSource.SOURCE_EXECUTOR,
            AgentId = _rt.AgentId is { } id ? AgentID.Of(id) : status.AgentId,
            ExecutorId = executor.Info.ExecutorId,
            Timestamp = status.Timestamp ?? Now(),
        };
        if (executor.Tasks.TryGetValue(status.TaskId.Value, out var task))
        {
            // Mesos' status update stream refuses anything after a terminal update.
            if (task.IsTerminal) return;
            executor.AwaitingAck.Add((task.TaskId, status.Uuid!));
            Record(executor, task, stamped);
            return;
        }
        // A task the agent doesn't know (Mesos forwards these too; the master decides).
        executor.AwaitingAck.Add((status.TaskId.Value, status.Uuid!));
        Enqueue(executor.FrameworkId, stamped);
    }

    private void Record(AgentExecutor executor, AgentTask task, MesosTaskStatus status)
    {
        task.State = status.State;
        task.Latest = status;
        Enqueue(executor.FrameworkId, status);
        // On disk before the loop hands the update to the sender.
        Checkpoint(executor);
    }

    private void Enqueue(string frameworkId, MesosTaskStatus status)
    {
        _rt.Updates.Enqueue(new AgentStatusUpdate { AgentId = AgentID.Of(_rt.AgentId ?? ""), FrameworkId = FrameworkID.Of(frameworkId), Status = status }, _rt.Clock.GetUtcNow());
        _rt.Changed();
    }

    private void Reject(FrameworkInfo framework, ExecutorInfo info, IReadOnlyList<TaskInfo> tasks, string why)
    {
        var orphan = new AgentExecutor(framework, info, "", "");
        foreach (var task in tasks)
        {
            var t = new AgentTask(framework, task, "");
            Update(orphan, t, TaskState.TASK_FAILED, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, why, TaskStatusSource.SOURCE_AGENT);
            _ended[(t.FrameworkId, t.TaskId)] = (t, orphan);
        }
    }

    private ExecutorCallOutcome? Known(ExecutorCall call, out AgentExecutor? executor)
    {
        executor = Find(call.FrameworkId.Value, call.ExecutorId.Value);
        if (executor is null || executor.IsDefault)
            return ExecutorCallOutcome.NotFound($"'executor_id': executor '{call.ExecutorId.Value}' of framework '{call.FrameworkId.Value}' is not running on this agent");
        return null;
    }

    private ExecutorCallOutcome? Subscribed(ExecutorCall call, out AgentExecutor? executor)
    {
        if (Known(call, out executor) is { } unknown) return unknown;
        // After SHUTDOWN an executor still reports how its tasks ended.
        return executor!.HasSubscribed && executor.State is ExecutorState.Subscribed or ExecutorState.Terminating
            ? null
            : ExecutorCallOutcome.Forbidden($"'executor_id': executor '{call.ExecutorId.Value}' has not subscribed");
    }

    internal bool Pending(string frameworkId, string taskId) =>
        _rt.Updates.HasPending(frameworkId, taskId);

    private double Now() => (_rt.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds;

    private AgentInfo AgentInfo() => new()
    {
        Id = _rt.AgentId is { } id ? AgentID.Of(id) : null,
        Hostname = _rt.Options.Hostname ?? System.Net.Dns.GetHostName(),
        Port = _rt.Endpoint?.Port,
        Resources = ResourceWireForm.ToWire(_rt.Total),
    };

    private ContainerSpec Spec(AgentExecutor executor)
    {
        var grace = executor.Info.ShutdownGracePeriod?.ToTimeSpan() ?? _rt.Options.ExecutorShutdownGracePeriod;
        var all = executor.Tasks.Values.SelectMany(t => t.Info.Resources ?? []).Concat(executor.Info.Resources ?? []).ToList();
        return new ContainerSpec
        {
            ContainerId = executor.RunId,
            Command = executor.Info.Command!,
            Sandbox = executor.Sandbox,
            Environment = ExecutorEnvironment.For(executor, _rt.AgentId, ExecutorEnvironment.Endpoint(_rt.Endpoint), grace, _rt.Options.RecoveryTimeout),
            User = executor.Info.Command!.User ?? executor.Framework.User,
            Cpus = Scalar(all, "cpus"),
            MemMb = Scalar(all, "mem"),
            Hostname = _rt.Options.Hostname,
        };
    }

    internal static double Scalar(IEnumerable<Core.Protocol.Resource> resources, string name) =>
        resources.Where(r => r.Name == name && r.Scalar is not null).Sum(r => r.Scalar!.Value);

    private static MesosTask Wire(AgentTask t, ExecutorID executor) => new()
    {
        Name = t.Info.Name,
        TaskId = t.Info.TaskId,
        FrameworkId = t.Framework.Id!,
        ExecutorId = executor,
        AgentId = t.Info.AgentId,
        State = t.State,
        Resources = t.Info.Resources,
        Statuses = t.Latest is { } latest ? [latest] : null,
        Labels = t.Info.Labels,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "executor {ExecutorId} of framework {FrameworkId} launched in {Sandbox}")]
    private static partial void LogLaunched(ILogger logger, string executorId, string frameworkId, string sandbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "executor {ExecutorId} of framework {FrameworkId} subscribed (again: {Again})")]
    private static partial void LogSubscribed(ILogger logger, string executorId, string frameworkId, bool again);

    [LoggerMessage(Level = LogLevel.Information, Message = "executor {ExecutorId} of framework {FrameworkId} ended: {How}")]
    private static partial void LogEnded(ILogger logger, string executorId, string frameworkId, string how);

    [LoggerMessage(Level = LogLevel.Warning, Message = "executor {ExecutorId} of framework {FrameworkId} did not subscribe in time; killing it")]
    private static partial void LogRegistrationTimeout(ILogger logger, string executorId, string frameworkId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "executor {ExecutorId} of framework {FrameworkId} did not subscribe again after the agent restarted; killing it")]
    private static partial void LogRecoveryTimeout(ILogger logger, string executorId, string frameworkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "executor {ExecutorId} of framework {FrameworkId} recovered ({State})")]
    private static partial void LogRecovered(ILogger logger, string executorId, string frameworkId, ExecutorState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "dropping a framework message for executor {ExecutorId} of framework {FrameworkId}: not subscribed")]
    private static partial void LogMessageDropped(ILogger logger, string executorId, string frameworkId);
}
