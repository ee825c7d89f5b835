using Microsoft.Extensions.Logging;
using Tessera.Agent.Checkpoint;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Tasks;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Agent.Executors;

/// <summary>Commands from the master: RUN_TASK/RUN_TASK_GROUP, KILL, SHUTDOWN, FRAMEWORK_MESSAGE, acknowledgements, framework updates.</summary>
internal sealed partial class ExecutorManager
{
    /// <summary>RUN_TASK whose task names an executor.</summary>
    public void Run(RunTask run)
    {
        var info = run.Task.Executor! with { FrameworkId = run.FrameworkInfo.Id };
        if (info.Type == ExecutorType.DEFAULT)
        {
            Reject(run.FrameworkInfo, info, [run.Task], "the default executor runs task groups (LAUNCH_GROUP) only");
            return;
        }
        Accept(run.FrameworkInfo, info, new QueuedLaunch([run.Task], IsGroup: false));
    }

    /// <summary>RUN_TASK_GROUP: the DEFAULT executor is the agent's own; any other is a custom executor that gets LAUNCH_GROUP.</summary>
    public void RunGroup(RunTaskGroup group)
    {
        var info = group.Executor with { FrameworkId = group.FrameworkInfo.Id };
        var tasks = group.TaskGroup.Tasks ?? [];
        if (info.Type == ExecutorType.DEFAULT || (info.Type is null && info.Command is null))
            Default.RunGroup(group.FrameworkInfo, info with { Type = ExecutorType.DEFAULT }, tasks);
        else
            Accept(group.FrameworkInfo, info, new QueuedLaunch(tasks, IsGroup: true));
    }

    /// <summary>KILL_TASK for a task of an executor; false when no executor has the task (a command task).</summary>
    public bool Kill(string frameworkId, string taskId, KillPolicy? policy)
    {
        if (_ended.ContainsKey((frameworkId, taskId))) return true;
        var executor = _executors.Values.FirstOrDefault(e => e.FrameworkId == frameworkId && e.Tasks.ContainsKey(taskId));
        if (executor is null) return false;
        var task = executor.Tasks[taskId];
        if (task.IsTerminal) return true;
        if (executor.IsDefault)
        {
            Default.KillGroupOf(executor, taskId, policy);
            return true;
        }
        if (executor.Sent.Contains(taskId))
        {
            // Without a stream (recovering after an agent restart) the KILL goes out when it subscribes again.
            if (executor.Stream is { } stream) stream.Send(ExecutorEvents.Kill(task.Info.TaskId, policy ?? task.Info.KillPolicy));
            else executor.PendingKills[taskId] = policy ?? task.Info.KillPolicy;
            return true;
        }
        // Not launched yet: it never reaches the executor (a group goes as a whole, as Mesos does).
        var queued = executor.Queued.FirstOrDefault(q => q.Tasks.Any(t => t.TaskId.Value == taskId));
        if (queued is not null)
        {
            executor.Queued.Remove(queued);
            foreach (var info in queued.Tasks)
                if (executor.Tasks.TryGetValue(info.TaskId.Value, out var t) && !t.IsTerminal)
                    Update(executor, t, TaskState.TASK_KILLED, TaskStatusReason.REASON_TASK_KILLED_DURING_LAUNCH, "Killed before the executor subscribed", TaskStatusSource.SOURCE_AGENT);
        }
        // An executor left without tasks before it ever subscribed has nothing to do (Mesos shuts it down).
        if (executor.State == ExecutorState.Launching && !executor.Live.Any()) Shutdown(executor);
        Checkpoint(executor);
        return true;
    }

    /// <summary>SHUTDOWN_EXECUTOR; false when no such executor runs (a command task's "executor").</summary>
    public bool Shutdown(string frameworkId, string executorId)
    {
        if (Find(frameworkId, executorId) is not { } executor) return false;
        Shutdown(executor);
        return true;
    }

    /// <summary>SHUTDOWN_FRAMEWORK ("*": the agent stops): every executor of it shuts down; its tasks end without updates.</summary>
    public void ShutdownFramework(string frameworkId)
    {
        foreach (var executor in _executors.Values.Where(e => frameworkId == "*" || e.FrameworkId == frameworkId).ToList())
        {
            executor.FrameworkGone = true;
            Shutdown(executor);
        }
    }

    /// <summary>FRAMEWORK_MESSAGE: a MESSAGE event to a subscribed executor; dropped otherwise (messages are at most once).</summary>
    public void FrameworkMessage(FrameworkMessage message)
    {
        if (Find(message.FrameworkId.Value, message.ExecutorId.Value) is { Stream: { } stream, IsDefault: false })
            stream.Send(ExecutorEvents.Message(message.Data));
        else
            LogMessageDropped(_log, message.ExecutorId.Value, message.FrameworkId.Value);
    }

    /// <summary>The master relayed the framework's acknowledgement: ACKNOWLEDGED to the executor that sent the update; forget finished tasks.</summary>
    public void Acknowledged(AcknowledgeUpdate ack)
    {
        var frameworkId = ack.FrameworkId.Value;
        var taskId = ack.TaskId.Value;
        if (_ended.TryGetValue((frameworkId, taskId), out var ended))
        {
            if (!Pending(frameworkId, taskId))
            {
                _ended.Remove((frameworkId, taskId));
                // The executor's last task is done with: its run sandbox can go after gc_delay.
                var sandbox = ended.Executor.Sandbox;
                if (sandbox.Length > 0 && !_ended.Values.Any(x => x.Executor.Sandbox == sandbox))
                    _rt.Gc.Schedule(sandbox, _rt.Clock.GetUtcNow());
            }
            Checkpoint(ended.Executor);
            return;
        }
        var executor = _executors.Values.FirstOrDefault(e => e.FrameworkId == frameworkId && e.Tasks.ContainsKey(taskId));
        if (executor is null) return;
        if (executor.AwaitingAck.Remove((taskId, ack.Uuid)))
            executor.Stream?.Send(ExecutorEvents.Acknowledged(taskId, ack.Uuid));
        if (executor.Tasks[taskId].IsTerminal && !Pending(frameworkId, taskId)) executor.Tasks.Remove(taskId);
        Checkpoint(executor);
    }

    public void UpdateFramework(FrameworkInfo info)
    {
        foreach (var executor in _executors.Values.Where(e => e.FrameworkId == info.Id?.Value))
        {
            executor.Framework = info;
            foreach (var task in executor.Tasks.Values) task.Framework = info;
            Checkpoint(executor);
        }
    }
}
