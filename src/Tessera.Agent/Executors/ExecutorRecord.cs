using Tessera.Agent.StatusUpdates;
using Tessera.Core.AgentLink;

namespace Tessera.Agent.Executors;

/// <summary>An executor run as it is checkpointed (<see cref="AgentExecutorCheckpoint"/>); taken on the agent loop.</summary>
internal static class ExecutorRecord
{
    public static AgentExecutorCheckpoint Of(AgentExecutor executor, ExecutorManager manager, StatusUpdateManager updates)
    {
        var terminated = executor.State == ExecutorState.Terminated;
        var tasks = executor.Tasks.Values.Where(t => !terminated || manager.Pending(t.FrameworkId, t.TaskId));
        return new AgentExecutorCheckpoint
        {
            FrameworkInfo = executor.Framework,
            ExecutorInfo = executor.Info,
            RunId = executor.RunId,
            Sandbox = executor.Sandbox,
            Subscribed = executor.HasSubscribed ? true : null,
            Terminating = executor.State == ExecutorState.Terminating ? true : null,
            Terminated = terminated ? true : null,
            EndReason = executor.EndReason,
            EndMessage = executor.EndMessage,
            FrameworkGone = executor.FrameworkGone ? true : null,
            Container = terminated ? null : executor.Container?.Record,
            Tasks = [.. tasks.Select(t => new AgentExecutorTaskCheckpoint
            {
                Task = t.Info,
                Sandbox = t.Sandbox,
                State = t.State,
                KillRequested = t.KillRequested ? true : null,
                Latest = t.Latest,
                PendingUpdates = updates.PendingFor(t.FrameworkId, t.TaskId) is { Count: > 0 } pending ? pending : null,
                SeenUuids = executor.Seen.Where(s => s.Value == t.TaskId).Select(s => s.Key).ToList() is { Count: > 0 } seen ? seen : null,
                Container = terminated ? null : t.Container?.Record,
            })],
            Queued = executor.Queued.Count == 0 ? null : [.. executor.Queued.Select(q => new AgentQueuedLaunchCheckpoint { TaskIds = [.. q.Tasks.Select(t => t.TaskId.Value)], IsGroup = q.IsGroup ? true : null })],
            Groups = executor.Groups.Count == 0 ? null : executor.Groups,
        };
    }
}
