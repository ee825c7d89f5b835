using Tessera.Agent.Containerizer;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tasks;

/// <summary>
/// Runs and kills command tasks and turns what happens to them into status updates
/// (STARTING, RUNNING, then FINISHED/FAILED/KILLED with the exit status). Runs on the agent loop;
/// process exits come back to it as messages.
/// </summary>
internal sealed class TaskRunner(AgentRuntime rt)
{
    public void Run(RunTask run)
    {
        var frameworkId = run.FrameworkInfo.Id!.Value;
        var info = run.Task;
        var key = (frameworkId, info.TaskId.Value);
        if (rt.Tasks.ContainsKey(key)) return; // a repeated RUN_TASK after a reconnect
        var sandbox = Path.Combine(rt.Options.WorkDir, "slaves", rt.AgentId ?? "unregistered", "frameworks", frameworkId,
            "executors", info.TaskId.Value, "runs", rt.NewRunId());
        var task = new AgentTask(run.FrameworkInfo, info, sandbox);
        rt.Tasks[key] = task;
        if (info.Command is not { } command)
        {
            Fail(task, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, "the task has neither 'command' nor 'executor'");
            return;
        }
        if (command.Uris is { Count: > 0 } uris)
            Fetcher.FetchStep.Start(rt, task, uris, error =>
            {
                if (error is null || task.KillRequested) Launch(task, command);
                else if (!task.IsTerminal) Fail(task, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, error);
            });
        else
            Launch(task, command);
    }

    private void Launch(AgentTask task, CommandInfo command)
    {
        if (task.IsTerminal) return;
        if (task.KillRequested)
        {
            Update(task, TaskState.TASK_KILLED, TaskStatusReason.REASON_TASK_KILLED_DURING_LAUNCH, "Killed before the command started", TaskStatusSource.SOURCE_AGENT);
            return;
        }
        Update(task, TaskState.TASK_STARTING, null, null);
        try
        {
            Directory.CreateDirectory(task.Sandbox);
            task.Container = rt.Containerizer.Launch(Spec(task, command));
        }
        catch (ContainerLaunchException e)
        {
            Fail(task, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, e.Message);
            return;
        }
        catch (IOException e)
        {
            Fail(task, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, $"failed to create the sandbox: {e.Message}");
            return;
        }
        Update(task, TaskState.TASK_RUNNING, null, null);
        Watch(task);
    }

    /// <summary>Health checks while it runs, and its end back on the loop (also for a container re-attached after a restart).</summary>
    public void Watch(AgentTask task)
    {
        var key = (task.FrameworkId, task.TaskId);
        if (task.State == TaskState.TASK_RUNNING) rt.Health.Start(task);
        task.Container!.OnExit(exit => rt.Post(r => r.Runner.Exited(key, exit)));
    }

    public void Kill(string frameworkId, string taskId, KillPolicy? policy)
    {
        if (!rt.Tasks.TryGetValue((frameworkId, taskId), out var task) || task.IsTerminal || task.KillRequested) return;
        task.KillRequested = true;
        Update(task, TaskState.TASK_KILLING, null, null);
        var grace = policy?.GracePeriod?.ToTimeSpan() ?? task.Info.KillPolicy?.GracePeriod?.ToTimeSpan() ?? rt.Options.DefaultKillGrace;
        if (task.Container is { } container) _ = container.KillAsync(grace);
    }

    public void KillFramework(string frameworkId)
    {
        foreach (var task in rt.Tasks.Values.Where(t => frameworkId == "*" || t.FrameworkId == frameworkId).ToList())
            Kill(task.FrameworkId, task.TaskId, null);
    }

    public void Exited((string Framework, string Task) key, ContainerExit exit)
    {
        if (!rt.Tasks.TryGetValue(key, out var task) || task.IsTerminal) return;
        var killedByHealthCheck = rt.Health.Stop(key);
        // A limit the isolation enforced explains the end better than the exit status does.
        if (exit.LaunchError is { } error)
            Fail(task, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, $"Failed to launch the container: {error}");
        else if (exit.Limitation is { } limit)
            Update(task, TaskState.TASK_FAILED, limit.Reason, limit.Message, TaskStatusSource.SOURCE_AGENT);
        else if (task.KillRequested)
            Update(task, TaskState.TASK_KILLED, null, "Command terminated after a kill request", healthy: killedByHealthCheck ? false : null);
        else if (exit.ExitCode == 0)
            Update(task, TaskState.TASK_FINISHED, null, "Command exited with status 0");
        else if (exit.Signal is { } signal)
            Update(task, TaskState.TASK_FAILED, TaskStatusReason.REASON_COMMAND_EXECUTOR_FAILED, $"Command terminated with signal {signal}");
        else
            Update(task, TaskState.TASK_FAILED, TaskStatusReason.REASON_COMMAND_EXECUTOR_FAILED, $"Command exited with status {exit.ExitCode}");
        // The end is in the task's checkpoint now; the container's own records can go.
        if (task.Container is { } container) rt.Containerizer.Forget(container.Id);
    }

    private void Fail(AgentTask task, TaskStatusReason reason, string message) => Update(task, TaskState.TASK_FAILED, reason, message, TaskStatusSource.SOURCE_AGENT);

    internal void Update(AgentTask task, TaskState state, TaskStatusReason? reason, string? message, TaskStatusSource source = TaskStatusSource.SOURCE_EXECUTOR, bool? healthy = null)
    {
        task.State = state;
        rt.Counters.Terminal(state);
        var status = StatusUpdates.AgentStatus.Create(rt, task.Info.TaskId, ExecutorID.Of(task.TaskId), state, reason, message, source, healthy);
        task.Latest = status;
        rt.Updates.Enqueue(new AgentStatusUpdate { AgentId = AgentID.Of(rt.AgentId ?? ""), FrameworkId = FrameworkID.Of(task.FrameworkId), Status = status }, rt.Clock.GetUtcNow());
        rt.Checkpoint(task);
        rt.Changed();
    }

    private ContainerSpec Spec(AgentTask task, CommandInfo command) => new()
    {
        ContainerId = Path.GetFileName(task.Sandbox),
        Command = command,
        Sandbox = task.Sandbox,
        Environment = Environment(task, command),
        User = command.User ?? task.Framework.User,
        Cpus = Scalar(task.Info, "cpus"),
        MemMb = Scalar(task.Info, "mem"),
        // Mesos keeps the machine's name unless the task asks for its own (ContainerInfo.hostname).
        Hostname = task.Info.Container?.Hostname ?? System.Environment.MachineName,
    };

    private static double Scalar(TaskInfo info, string name) =>
        info.Resources?.Where(r => r.Name == name && r.Scalar is not null).Sum(r => r.Scalar!.Value) ?? 0;

    internal Dictionary<string, string> Environment(AgentTask task, CommandInfo command)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MESOS_SANDBOX"] = task.Sandbox,
            ["MESOS_DIRECTORY"] = task.Sandbox,
            ["MESOS_TASK_ID"] = task.TaskId,
            ["MESOS_FRAMEWORK_ID"] = task.FrameworkId,
            ["MESOS_AGENT_ID"] = rt.AgentId ?? "",
            ["HOME"] = task.Sandbox,
        };
        foreach (var variable in command.Environment?.Variables ?? [])
            if (variable.Value is { } value) env[variable.Name] = value;
        return env;
    }
}
