using Microsoft.Extensions.Logging;
using Tessera.Agent.Checkpoint;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Tasks;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Agent.Executors;

/// <summary>Checkpoints of executor runs and their recovery after an agent restart.</summary>
internal sealed partial class ExecutorManager
{
    /// <summary>
    /// Writes the executor run's checkpoint (checkpointing frameworks only, as in Mesos), or removes
    /// it once the executor has ended and its tasks' last updates are acknowledged. Called on the loop
    /// right after every change, so an update is on disk before the sender can pick it up.
    /// </summary>
    internal void Checkpoint(AgentExecutor executor)
    {
        if (executor.Framework.Checkpoint != true || executor.RunId.Length == 0) return;
        if (executor.State == ExecutorState.Terminated && !executor.Tasks.Values.Any(t => Pending(t.FrameworkId, t.TaskId)))
            Checkpoints.Remove(executor.FrameworkId, executor.ExecutorId, executor.RunId);
        else
            Checkpoints.Save(ExecutorRecord.Of(executor, this, _rt.Updates));
    }

    /// <summary>
    /// Recovery: an executor run the previous agent process checkpointed, rebuilt with its tasks and
    /// containers (their pending updates are queued again already). A custom executor that had
    /// subscribed must subscribe again within the recovery timeout; the DEFAULT executor's tasks are
    /// watched again; an ended executor keeps only its unacknowledged tasks.
    /// </summary>
    internal void Adopt(AgentExecutor executor)
    {
        // The executor's own updates still unacknowledged: ACKNOWLEDGED goes back to it for each.
        var pending = _rt.Updates.Unacknowledged.Where(u => u.FrameworkId.Value == executor.FrameworkId && u.Status.Uuid is not null).Select(u => u.Status.Uuid!).ToHashSet();
        foreach (var (uuid, taskId) in executor.Seen)
            if (pending.Contains(uuid)) executor.AwaitingAck.Add((taskId, uuid));
        LogRecovered(_log, executor.ExecutorId, executor.FrameworkId, executor.State);
        if (executor.State == ExecutorState.Terminated)
        {
            foreach (var task in executor.Tasks.Values.Where(t => Pending(t.FrameworkId, t.TaskId)))
                _ended[(task.FrameworkId, task.TaskId)] = (task, executor);
            Checkpoint(executor);
            return;
        }
        _executors[executor.Key] = executor;
        if (executor.IsDefault)
        {
            Default.Reattach(executor);
            return;
        }
        if (executor.Container is null)
        {
            executor.EndReason = TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED;
            executor.EndMessage = "The agent restarted before the executor's container started";
            Ended(executor, null, "never started");
            return;
        }
        if (executor.State == ExecutorState.Terminating) _ = executor.Container.KillAsync(TimeSpan.Zero);
        else executor.State = executor.HasSubscribed ? ExecutorState.Recovering : ExecutorState.Launching;
        Watch(executor);
    }
}
