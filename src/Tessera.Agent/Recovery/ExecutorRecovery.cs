using Tessera.Agent.Executors;
using Tessera.Agent.Tasks;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Recovery;

/// <summary>
/// The executor half of <see cref="AgentRecovery"/>: reads the executor checkpoints and brings
/// back the executor runs of checkpointing frameworks, with their tasks, their unacknowledged
/// updates (queued again) and their containers (claimed from the leftovers and re-attached). With
/// <c>cleanup</c> their containers are killed and the checkpoints dropped. Runs on the agent loop.
/// </summary>
internal static class ExecutorRecovery
{
    public static RecoveryReport Run(AgentRuntime rt, bool cleanup, Dictionary<string, AgentContainerCheckpoint> leftovers)
    {
        var (checkpoints, unreadable) = rt.Executors.Checkpoints.LoadAll();
        int reattached = 0, endedAway = 0, resent = 0, killed = 0;
        foreach (var checkpoint in checkpoints)
        {
            var containers = Containers(checkpoint).ToList();
            foreach (var c in containers) leftovers.Remove(c.ContainerId);
            if (cleanup)
            {
                if (checkpoint.Terminated != true)
                    foreach (var container in containers) { AgentRecovery.Kill(rt, container); killed++; }
                rt.Executors.Checkpoints.Remove(checkpoint.FrameworkInfo.Id!.Value, checkpoint.ExecutorInfo.ExecutorId.Value, checkpoint.RunId);
                continue;
            }
            var executor = Restore(rt, checkpoint);
            resent += checkpoint.Tasks?.Sum(t => t.PendingUpdates?.Count ?? 0) ?? 0;
            var live = new[] { executor.Container }.Concat(executor.Tasks.Values.Where(t => !t.IsTerminal).Select(t => t.Container)).OfType<Containerizer.IContainer>().ToList();
            endedAway += live.Count(c => c.Exited.IsCompleted);
            reattached += live.Count(c => !c.Exited.IsCompleted);
            rt.Executors.Adopt(executor);
        }
        return new RecoveryReport(reattached, endedAway, resent, killed, unreadable);
    }

    private static IEnumerable<AgentContainerCheckpoint> Containers(AgentExecutorCheckpoint checkpoint) =>
        new[] { checkpoint.Container }.Concat((checkpoint.Tasks ?? []).Where(t => !TaskStates.IsTerminal(t.State)).Select(t => t.Container))
            .OfType<AgentContainerCheckpoint>();

    private static AgentExecutor Restore(AgentRuntime rt, AgentExecutorCheckpoint checkpoint)
    {
        var terminated = checkpoint.Terminated == true;
        var executor = new AgentExecutor(checkpoint.FrameworkInfo, checkpoint.ExecutorInfo, checkpoint.RunId, checkpoint.Sandbox)
        {
            State = terminated ? ExecutorState.Terminated : checkpoint.Terminating == true ? ExecutorState.Terminating : ExecutorState.Subscribed,
            HasSubscribed = checkpoint.Subscribed == true || checkpoint.ExecutorInfo.Type == ExecutorType.DEFAULT,
            EndReason = checkpoint.EndReason,
            EndMessage = checkpoint.EndMessage,
            FrameworkGone = checkpoint.FrameworkGone == true,
        };
        if (!terminated && checkpoint.Container is { } container) executor.Container = rt.Containerizer.Recover(container);
        foreach (var saved in checkpoint.Tasks ?? [])
        {
            var task = new AgentTask(checkpoint.FrameworkInfo, saved.Task, saved.Sandbox)
            {
                State = saved.State,
                KillRequested = saved.KillRequested == true,
                Latest = saved.Latest,
            };
            if (!terminated && !task.IsTerminal && saved.Container is { } own) task.Container = rt.Containerizer.Recover(own);
            executor.Tasks[task.TaskId] = task;
            foreach (var uuid in saved.SeenUuids ?? []) executor.Seen[uuid] = task.TaskId;
            foreach (var update in saved.PendingUpdates ?? []) rt.Updates.Enqueue(update, rt.Clock.GetUtcNow());
        }
        var queued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var launch in checkpoint.Queued ?? [])
        {
            var tasks = launch.TaskIds.Where(executor.Tasks.ContainsKey).Select(id => executor.Tasks[id].Info).ToList();
            if (tasks.Count > 0) executor.Queued.Add(new QueuedLaunch(tasks, launch.IsGroup == true));
            queued.UnionWith(launch.TaskIds);
        }
        // Every task that wasn't queued had gone out to the executor.
        executor.Sent.UnionWith(executor.Tasks.Keys.Where(id => !queued.Contains(id)));
        foreach (var group in checkpoint.Groups ?? []) executor.Groups.Add(group);
        return executor;
    }
}
