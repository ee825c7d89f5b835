using Tessera.Agent.Tasks;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Recovery;

/// <summary>What recovery found and did, for the log.</summary>
internal sealed record RecoveryReport(int Reattached, int EndedWhileAway, int Resent, int Killed, IReadOnlyList<string> Unreadable);

/// <summary>
/// Runs once on the agent loop when the agent starts, before it registers: reads the task
/// checkpoints and the containers' records and brings back what the previous agent process had.
/// <list type="bullet">
/// <item><c>reconnect</c> (default): tasks of checkpointing frameworks come back with their
/// unacknowledged updates (sent again at once) and their containers re-attached; a container that
/// ended while the agent was down reports its end from the launcher's status file.</item>
/// <item><c>cleanup</c>: those containers are killed and the checkpoints dropped; the master then
/// learns at re-registration that the tasks are gone.</item>
/// </list>
/// Executors of checkpointing frameworks come back the same way (<see cref="ExecutorRecovery"/>).
/// Containers nobody checkpointed (tasks and executors of frameworks without <c>checkpoint</c>) are
/// killed either way: nothing is left running unowned.
/// </summary>
internal static class AgentRecovery
{
    public static RecoveryReport Run(AgentRuntime rt, bool cleanup)
    {
        var (checkpoints, unreadable) = rt.TaskCheckpoints.LoadAll();
        var leftovers = rt.Containerizer.Leftovers().ToDictionary(c => c.ContainerId);
        int reattached = 0, endedAway = 0, resent = 0, killed = 0;
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.Container is { } c) leftovers.Remove(c.ContainerId);
            if (cleanup)
            {
                if (checkpoint.Container is { } container && !TaskStates.IsTerminal(checkpoint.State)) { Kill(rt, container); killed++; }
                rt.TaskCheckpoints.Remove(checkpoint.FrameworkInfo.Id!.Value, checkpoint.Task.TaskId.Value);
                continue;
            }
            var task = Restore(rt, checkpoint);
            resent += checkpoint.PendingUpdates?.Count ?? 0;
            if (task.IsTerminal)
            {
                if (checkpoint.Container is { } done) rt.Containerizer.Forget(done.ContainerId);
                continue;
            }
            if (checkpoint.Container is { } record)
            {
                task.Container = rt.Containerizer.Recover(record);
                rt.Runner.Watch(task);
                if (task.Container.Exited.IsCompleted) endedAway++; else reattached++;
            }
            else
            {
                // The agent went down between accepting the task and starting its container.
                rt.Runner.Update(task, TaskState.TASK_FAILED, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED,
                    "The agent restarted before the task's container started", TaskStatusSource.SOURCE_AGENT);
            }
        }
        var executors = ExecutorRecovery.Run(rt, cleanup, leftovers);
        foreach (var orphan in leftovers.Values) { Kill(rt, orphan); killed++; }
        rt.Changed();
        return new RecoveryReport(reattached + executors.Reattached, endedAway + executors.EndedWhileAway, resent + executors.Resent,
            killed + executors.Killed, [.. unreadable, .. executors.Unreadable]);
    }

    private static AgentTask Restore(AgentRuntime rt, AgentTaskCheckpoint checkpoint)
    {
        var task = new AgentTask(checkpoint.FrameworkInfo, checkpoint.Task, checkpoint.Sandbox)
        {
            State = checkpoint.State,
            KillRequested = checkpoint.KillRequested == true,
            Latest = checkpoint.Latest,
        };
        rt.Tasks[(task.FrameworkId, task.TaskId)] = task;
        foreach (var update in checkpoint.PendingUpdates ?? [])
            rt.Updates.Enqueue(update, rt.Clock.GetUtcNow());
        return task;
    }

    /// <summary>Kills a container nobody will re-attach to, and forgets its records once it is gone.</summary>
    internal static void Kill(AgentRuntime rt, AgentContainerCheckpoint record) => _ = KillAsync(rt, record);

    private static async Task KillAsync(AgentRuntime rt, AgentContainerCheckpoint record)
    {
        var container = rt.Containerizer.Recover(record);
        await container.KillAsync(TimeSpan.Zero);
        await container.Exited;
        rt.Post(r => r.Containerizer.Forget(record.ContainerId));
    }
}
