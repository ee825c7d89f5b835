using Tessera.Agent.Containerizer;
using Tessera.Agent.Tasks;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Executors;

/// <summary>
/// Mesos' <c>mesos-default-executor</c> without a process of its own: the agent supervises each
/// task group itself. Every task of a group runs in its own container with its sandbox under the
/// executor's (<c>tasks/&lt;task_id&gt;/</c>) and reports STARTING, RUNNING, then FINISHED, FAILED
/// or KILLED with the group's executor id. When a task fails or is killed, the rest of its group is
/// killed, as the default executor does. When no task is left the executor has ended: the master
/// hears of it (executor-exited, status 0) and frees its resources. Runs on the agent loop.
/// </summary>
internal sealed class DefaultExecutor(AgentRuntime rt, ExecutorManager manager)
{
    public void RunGroup(FrameworkInfo framework, ExecutorInfo info, IReadOnlyList<TaskInfo> tasks)
    {
        var executor = manager.Find(framework.Id!.Value, info.ExecutorId.Value);
        if (executor is { IsDefault: false } or { State: ExecutorState.Terminating or ExecutorState.Terminated })
            executor = null;
        if (executor is null)
        {
            executor = manager.Add(framework, info);
            executor.State = ExecutorState.Subscribed;
            executor.HasSubscribed = true;
        }
        var fresh = tasks.Where(t => !executor.Tasks.ContainsKey(t.TaskId.Value)).ToList();
        if (fresh.Count == 0) return; // a repeated command after a reconnect
        executor.Groups.Add([.. fresh.Select(t => t.TaskId.Value)]);
        var added = fresh.Select(t => executor.Tasks[t.TaskId.Value] = new AgentTask(framework, t, ExecutorPaths.TaskSandbox(executor.Sandbox, t.TaskId.Value))).ToList();
        foreach (var task in added)
        {
            if (task.IsTerminal) continue; // failed with a sibling that could not start
            Start(executor, task);
        }
    }

    /// <summary>KILL of one task kills its whole group.</summary>
    public void KillGroupOf(AgentExecutor executor, string taskId, KillPolicy? policy)
    {
        var group = executor.Groups.FirstOrDefault(g => g.Contains(taskId)) ?? [taskId];
        foreach (var id in group)
            if (executor.Tasks.TryGetValue(id, out var task)) Kill(executor, task, id == taskId ? policy : null);
        Finish(executor);
    }

    public void Shutdown(AgentExecutor executor)
    {
        executor.State = ExecutorState.Terminating;
        foreach (var task in executor.Live.ToList()) Kill(executor, task, null);
        Finish(executor);
    }

    private void Start(AgentExecutor executor, AgentTask task)
    {
        if (task.Info.Command is not { } command)
        {
            Fail(executor, task, TaskStatusReason.REASON_TASK_GROUP_INVALID, "a task of a task group needs 'command'");
            return;
        }
        manager.Update(executor, task, TaskState.TASK_STARTING, null, null, TaskStatusSource.SOURCE_EXECUTOR);
        try
        {
            Directory.CreateDirectory(task.Sandbox);
            task.Container = rt.Containerizer.Launch(Spec(executor, task, command));
        }
        catch (Exception e) when (e is ContainerLaunchException or IOException or UnauthorizedAccessException)
        {
            Fail(executor, task, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, $"Failed to launch the task's container: {e.Message}");
            return;
        }
        manager.Update(executor, task, TaskState.TASK_RUNNING, null, null, TaskStatusSource.SOURCE_EXECUTOR);
        Watch(executor, task);
    }

    /// <summary>
    /// Recovery: the group's tasks come back with their containers re-attached (a container that
    /// ended while the agent was down reports its end now); a task whose container never started
    /// fails, and takes its group with it.
    /// </summary>
    public void Reattach(AgentExecutor executor)
    {
        foreach (var task in executor.Live.ToList())
        {
            if (task.IsTerminal) continue; // killed with a sibling that failed here
            if (task.Container is null)
            {
                Fail(executor, task, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, "The agent restarted before the task's container started");
                continue;
            }
            Watch(executor, task);
            if (task.KillRequested || executor.State == ExecutorState.Terminating) _ = task.Container.KillAsync(TimeSpan.Zero);
        }
        Finish(executor);
    }

    private void Watch(AgentExecutor executor, AgentTask task)
    {
        var key = executor.Key;
        var runId = executor.RunId;
        var taskId = task.TaskId;
        task.Container!.OnExit(exit => rt.Post(r => r.Executors.Default.Exited(key, runId, taskId, exit)));
    }

    private void Exited((string Framework, string Executor) key, string runId, string taskId, ContainerExit exit)
    {
        if (manager.Find(key.Framework, key.Executor) is not { } executor || executor.RunId != runId) return;
        if (!executor.Tasks.TryGetValue(taskId, out var task) || task.IsTerminal) return;
        var outcome = TaskExitOutcome.Of(exit, task.KillRequested);
        manager.Update(executor, task, outcome.State, outcome.Reason, outcome.Message, outcome.Source);
        // The end is checkpointed now; the container's own records can go.
        rt.Containerizer.Forget(task.Container!.Id);
        if (outcome.State != TaskState.TASK_FINISHED) KillSiblings(executor, taskId);
        Finish(executor);
    }

    private void Fail(AgentExecutor executor, AgentTask task, TaskStatusReason reason, string message)
    {
        manager.Update(executor, task, TaskState.TASK_FAILED, reason, message, TaskStatusSource.SOURCE_AGENT);
        KillSiblings(executor, task.TaskId);
        Finish(executor);
    }

    private void KillSiblings(AgentExecutor executor, string taskId)
    {
        foreach (var id in executor.Groups.FirstOrDefault(g => g.Contains(taskId)) ?? [])
            if (id != taskId && executor.Tasks.TryGetValue(id, out var sibling)) Kill(executor, sibling, null);
    }

    private void Kill(AgentExecutor executor, AgentTask task, KillPolicy? policy)
    {
        if (task.IsTerminal || task.KillRequested) return;
        task.KillRequested = true;
        if (task.Container is not { } container)
        {
            // Never started (its sibling failed first): nothing to signal.
            manager.Update(executor, task, TaskState.TASK_KILLED, null, "Killed before it started", TaskStatusSource.SOURCE_EXECUTOR);
            return;
        }
        manager.Update(executor, task, TaskState.TASK_KILLING, null, null, TaskStatusSource.SOURCE_EXECUTOR);
        var grace = policy?.GracePeriod?.ToTimeSpan() ?? task.Info.KillPolicy?.GracePeriod?.ToTimeSpan() ?? rt.Options.DefaultKillGrace;
        _ = container.KillAsync(grace);
    }

    /// <summary>No task left running: the executor has done its work.</summary>
    private void Finish(AgentExecutor executor)
    {
        if (executor.State != ExecutorState.Terminated && !executor.Live.Any())
            manager.Ended(executor, 0, "exited: all its tasks ended");
    }

    private ContainerSpec Spec(AgentExecutor executor, AgentTask task, CommandInfo command)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MESOS_SANDBOX"] = task.Sandbox,
            ["MESOS_DIRECTORY"] = task.Sandbox,
            ["MESOS_TASK_ID"] = task.TaskId,
            ["MESOS_FRAMEWORK_ID"] = task.FrameworkId,
            ["MESOS_EXECUTOR_ID"] = executor.ExecutorId,
            ["MESOS_AGENT_ID"] = rt.AgentId ?? "",
            ["HOME"] = task.Sandbox,
        };
        foreach (var variable in command.Environment?.Variables ?? [])
            if (variable.Value is { } value) env[variable.Name] = value;
        return new ContainerSpec
        {
            ContainerId = $"{executor.RunId}.{task.TaskId}",
            Command = command,
            Sandbox = task.Sandbox,
            Environment = env,
            User = command.User ?? executor.Framework.User,
            Cpus = ExecutorManager.Scalar(task.Info.Resources ?? [], "cpus"),
            MemMb = ExecutorManager.Scalar(task.Info.Resources ?? [], "mem"),
            Hostname = rt.Options.Hostname,
        };
    }
}
