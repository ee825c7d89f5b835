using Microsoft.Extensions.Logging;
using Tessera.Agent.Checkpoint;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Tasks;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Agent.Executors;

/// <summary>Internals the default executor uses too: adding executors, agent-side updates, an executor's end.</summary>
internal sealed partial class ExecutorManager
{
    internal AgentExecutor Add(FrameworkInfo framework, ExecutorInfo info)
    {
        var runId = _rt.NewRunId();
        var sandbox = ExecutorPaths.Sandbox(_rt.Options.WorkDir, _rt.AgentId, framework.Id!.Value, info.ExecutorId.Value, runId);
        var executor = new AgentExecutor(framework, info, runId, sandbox);
        _executors[executor.Key] = executor;
        return executor;
    }

    /// <summary>A status from the agent (not the executor) for one of an executor's tasks.</summary>
    internal void Update(AgentExecutor executor, AgentTask task, TaskState state, TaskStatusReason? reason, string? message, TaskStatusSource source)
    {
        var status = StatusUpdates.AgentStatus.Create(_rt, task.Info.TaskId, executor.Info.ExecutorId, state, reason, message, source);
        Record(executor, task, status);
    }

    /// <summary>The executor is gone (its container exited, or a DEFAULT executor ran out of tasks): fail what is left, tell the master.</summary>
    internal void Ended(AgentExecutor executor, int? status, string how)
    {
        if (executor.State == ExecutorState.Terminated) return;
        executor.State = ExecutorState.Terminated;
        executor.Timer?.Dispose();
        executor.Timer = null;
        executor.Stream?.Close();
        executor.Stream = null;
        foreach (var task in executor.Live.ToList())
        {
            if (executor.FrameworkGone) task.State = TaskState.TASK_KILLED;
            else Update(executor, task, TaskState.TASK_FAILED, executor.EndReason ?? TaskStatusReason.REASON_EXECUTOR_TERMINATED,
                executor.EndMessage ?? $"Executor {how}", TaskStatusSource.SOURCE_AGENT);
        }
        _executors.Remove(executor.Key);
        foreach (var task in executor.Tasks.Values.Where(t => Pending(t.FrameworkId, t.TaskId)))
            _ended[(task.FrameworkId, task.TaskId)] = (task, executor);
        Checkpoint(executor);
        // The end is checkpointed (or nobody needs it after a restart): the container's records can go.
        if (executor.Container is { } container) _rt.Containerizer.Forget(container.Id);
        if (!_ended.Values.Any(x => x.Executor.Sandbox == executor.Sandbox))
            _rt.Gc.Schedule(executor.Sandbox, _rt.Clock.GetUtcNow());
        LogEnded(_log, executor.ExecutorId, executor.FrameworkId, how);
        if (_rt.AgentId is { } agentId)
            _notices.Writer.TryWrite(new ExecutorNotice(Exited: new AgentExecutorExited
            {
                AgentId = AgentID.Of(agentId), FrameworkId = FrameworkID.Of(executor.FrameworkId), ExecutorId = executor.Info.ExecutorId, Status = status,
            }));
        _rt.Changed();
    }
}
