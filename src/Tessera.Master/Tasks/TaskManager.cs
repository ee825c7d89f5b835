using Microsoft.Extensions.Logging;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Events;
using Tessera.Master.Loop;
using Tessera.Master.State;

namespace Tessera.Master.Tasks;

/// <summary>
/// Tasks after launch: status updates from agents forwarded to frameworks and kept until
/// acknowledged, acknowledgements routed back to agents, KILL, RECONCILE, SHUTDOWN and MESSAGE,
/// executor exits, and releasing resources when a task ends.
/// </summary>
internal sealed partial class TaskManager(MasterRuntime rt)
{
    private MasterState State => rt.State;

    public void Track(TaskRecord task, FrameworkRecord framework, AgentRecord agent)
    {
        framework.Tasks[task.TaskId] = task;
        if (!agent.Tasks.TryGetValue(framework.Id, out var byId)) agent.Tasks[framework.Id] = byId = new(StringComparer.Ordinal);
        byId[task.TaskId] = task;
        var staging = StatusFactory.Master(task.Info.TaskId, AgentID.Of(agent.Id), TaskState.TASK_STAGING, null, null, rt.Now);
        task.Latest = staging;
        task.Statuses.Add(staging);
        State.Counters.TasksLaunched++;
        rt.Watchers.TaskAdded(task);
    }

    /// <summary>An update made by the master (invalid launch, lost agent, reconciliation of unknown tasks).</summary>
    public void SendMasterUpdate(FrameworkRecord framework, TaskID taskId, AgentID? agentId, TaskState state, TaskStatusReason reason, string message)
    {
        var status = StatusFactory.Master(taskId, agentId, state, reason, message, rt.Now);
        rt.Outbox.ToFramework(framework, SchedulerEvents.Update(StatusFactory.ForFramework(status, framework.PartitionAware)));
        if (state == TaskState.TASK_ERROR) State.Counters.TasksError++;
    }

    /// <summary>Agent → master status update. 202 once taken: from then on the master delivers it until acknowledged.</summary>
    public CallOutcome OnStatusUpdate(AgentStatusUpdate update)
    {
        if (State.Agent(update.AgentId.Value) is not { Status: AgentStatus.Registered } agent)
            return CallOutcome.Forbidden($"'agent_id': agent {update.AgentId.Value} is not registered; register again");
        if (State.Framework(update.FrameworkId.Value) is not { } framework)
            return CallOutcome.NotFound($"'framework_id': framework {update.FrameworkId.Value} is not known to this master (yet); retry later");
        var status = update.Status with { AgentId = AgentID.Of(agent.Id) };
        if (!framework.Tasks.ContainsKey(status.TaskId.Value) && IsCompleted(framework, status))
        {
            // The agent re-sent an update of a task that already ended and was acknowledged (the ack
            // to the agent crossed this retry). Forward it so the framework acknowledges it again and
            // the agent stops; don't bring the task back (it would be completed twice).
            rt.Outbox.ToFramework(framework, SchedulerEvents.Update(StatusFactory.ForFramework(status, framework.PartitionAware)));
            return CallOutcome.Accepted;
        }
        var task = framework.Tasks.GetValueOrDefault(status.TaskId.Value) ?? Adopt(framework, agent, status);
        Record(task, status);
        State.Counters.StatusUpdates++;
        if (status.State == TaskState.TASK_KILLING && !framework.Info.HasCapability(FrameworkCapabilityType.TASK_KILLING_STATE))
        {
            // A framework that doesn't know TASK_KILLING never sees it; the agent still needs its ack.
            if (status.Uuid is { } uuid) AckToAgent(agent, framework.Id, status.TaskId, uuid);
            return CallOutcome.Accepted;
        }
        if (status.Uuid is not null) task.Unacknowledged = status;
        rt.Outbox.ToFramework(framework, SchedulerEvents.Update(StatusFactory.ForFramework(status, framework.PartitionAware)));
        if (status.Uuid is null && task.IsTerminal) Complete(framework, task);
        rt.Changed();
        return CallOutcome.Accepted;
    }

    public CallOutcome Acknowledge(FrameworkRecord framework, AcknowledgeCall ack)
    {
        if (ack.Uuid.Length != 16) return CallOutcome.BadRequest("'acknowledge.uuid' must be a 16-byte UUID");
        if (framework.Tasks.TryGetValue(ack.TaskId.Value, out var task) && task.Unacknowledged?.Uuid == ack.Uuid)
        {
            task.Unacknowledged = null;
            if (task.IsTerminal) Complete(framework, task);
        }
        if (State.Agent(ack.AgentId.Value) is { } agent) AckToAgent(agent, framework.Id, ack.TaskId, ack.Uuid);
        rt.Changed();
        return CallOutcome.Accepted;
    }

    /// <summary>After a (re-)subscribe: the updates still awaiting acknowledgement go out again.</summary>
    public void ResendUnacknowledged(FrameworkRecord framework)
    {
        foreach (var task in framework.Tasks.Values)
            if (task.Unacknowledged is { } status)
                rt.Outbox.ToFramework(framework, SchedulerEvents.Update(StatusFactory.ForFramework(status, framework.PartitionAware)));
    }

    public CallOutcome Kill(FrameworkRecord framework, KillCall kill)
    {
        if (framework.Tasks.TryGetValue(kill.TaskId.Value, out var task) && !task.IsTerminal && State.Agent(task.AgentId) is { } agent)
        {
            rt.Outbox.ToAgent(agent, new AgentCommand
            {
                Type = AgentCommandType.KILL_TASK,
                KillTask = new KillTask { FrameworkId = FrameworkID.Of(framework.Id), TaskId = kill.TaskId, KillPolicy = kill.KillPolicy ?? task.Info.KillPolicy },
            });
            State.Counters.TasksKillRequested++;
            return CallOutcome.Accepted;
        }
        // Unknown (or already finished) task: tell the framework what we know, as Mesos does.
        foreach (var status in Reconciliation.Explicit(State, framework, [new ReconcileTask { TaskId = kill.TaskId, AgentId = kill.AgentId }], rt.Now))
            rt.Outbox.ToFramework(framework, SchedulerEvents.Update(status));
        return CallOutcome.Accepted;
    }

    public CallOutcome Reconcile(FrameworkRecord framework, ReconcileCall call)
    {
        var statuses = call.Tasks is { Count: > 0 } tasks
            ? Reconciliation.Explicit(State, framework, tasks, rt.Now)
            : Reconciliation.Implicit(framework, rt.Now);
        foreach (var status in statuses)
            rt.Outbox.ToFramework(framework, SchedulerEvents.Update(status));
        return CallOutcome.Accepted;
    }

    public CallOutcome Shutdown(FrameworkRecord framework, ShutdownCall call)
    {
        if (State.Agent(call.AgentId.Value) is not { } agent) return CallOutcome.Accepted;
        rt.Outbox.ToAgent(agent, new AgentCommand
        {
            Type = AgentCommandType.SHUTDOWN_EXECUTOR,
            ShutdownExecutor = new ShutdownExecutor { FrameworkId = FrameworkID.Of(framework.Id), ExecutorId = call.ExecutorId },
        });
        return CallOutcome.Accepted;
    }

    public CallOutcome Message(FrameworkRecord framework, MessageCall call)
    {
        if (State.Agent(call.AgentId.Value) is not { } agent) return CallOutcome.Accepted;
        rt.Outbox.ToAgent(agent, new AgentCommand
        {
            Type = AgentCommandType.FRAMEWORK_MESSAGE,
            FrameworkMessage = new FrameworkMessage { FrameworkId = FrameworkID.Of(framework.Id), ExecutorId = call.ExecutorId, Data = call.Data },
        });
        State.Counters.FrameworkMessages++;
        return CallOutcome.Accepted;
    }

    public CallOutcome OnExecutorExited(AgentExecutorExited exited)
    {
        if (State.Agent(exited.AgentId.Value) is not { } agent) return CallOutcome.Forbidden($"'agent_id': agent {exited.AgentId.Value} is not registered");
        ReleaseExecutor(agent, exited.FrameworkId.Value, exited.ExecutorId.Value);
        if (State.Framework(exited.FrameworkId.Value) is { } framework)
            rt.Outbox.ToFramework(framework, SchedulerEvents.Failure(agent.Id, exited.ExecutorId.Value, exited.Status));
        rt.Changed();
        return CallOutcome.Accepted;
    }

    public CallOutcome OnExecutorMessage(AgentExecutorMessage message)
    {
        if (State.Framework(message.FrameworkId.Value) is { } framework)
            rt.Outbox.ToFramework(framework, SchedulerEvents.Message(message.AgentId.Value, message.ExecutorId.Value, message.Data));
        return CallOutcome.Accepted;
    }

    /// <summary>The framework is going away: its tasks end as KILLED in the master's books (the agents shut them down).</summary>
    public void RemoveAllTasks(FrameworkRecord framework)
    {
        foreach (var task in framework.Tasks.Values.ToList())
        {
            if (!task.IsTerminal)
                Record(task, StatusFactory.Master(task.Info.TaskId, AgentID.Of(task.AgentId), TaskState.TASK_KILLED,
                    TaskStatusReason.REASON_FRAMEWORK_REMOVED, "framework removed", rt.Now));
            Complete(framework, task);
        }
        foreach (var agent in State.Agents.Values)
            agent.Executors.Remove(framework.Id);
    }

    /// <summary>The agent is unreachable or gone: every task on it gets <paramref name="state"/> (mapped per framework).</summary>
    public void AgentLost(AgentRecord agent, TaskState state, TaskStatusReason reason, string message)
    {
        foreach (var (frameworkId, tasks) in agent.Tasks)
        {
            var framework = State.Framework(frameworkId);
            foreach (var task in tasks.Values.ToList())
            {
                if (task.IsTerminal) continue;
                var status = StatusFactory.Master(task.Info.TaskId, AgentID.Of(agent.Id), state, reason, message, rt.Now) with
                {
                    UnreachableTime = state == TaskState.TASK_UNREACHABLE ? TimeInfo.From(rt.Now) : null,
                };
                Record(task, status);
                if (framework is null) continue;
                rt.Outbox.ToFramework(framework, SchedulerEvents.Update(StatusFactory.ForFramework(status, framework.PartitionAware)));
                // A non-partition-aware framework was told LOST: final for it.
                if (task.IsTerminal || !framework.PartitionAware) Complete(framework, task);
            }
        }
        rt.Changed();
    }

    public void LogDroppedOperation(FrameworkRecord framework, string operation, string reason) =>
        LogDropped(rt.Log, operation, framework.Id, reason);

    /// <summary>Applies a status to the master's books: state history, and the resources back when the task ended.</summary>
    internal void Record(TaskRecord task, MesosTaskStatus status)
    {
        if (task.State != status.State) task.Statuses.Add(status);
        task.Latest = status;
        var wasTerminal = task.IsTerminal;
        task.State = status.State;
        if (!wasTerminal && task.IsTerminal) Finished(task);
        if (ReferenceEquals(task.Statuses.LastOrDefault(), status)) rt.Watchers.TaskUpdated(task, status);
    }

    private void Finished(TaskRecord task)
    {
        State.Counters.CountTerminal(task.State);
        if (State.Agent(task.AgentId) is { } agent && agent.Tasks.TryGetValue(task.FrameworkId, out var byId))
        {
            byId.Remove(task.TaskId);
            if (byId.Count == 0) agent.Tasks.Remove(task.FrameworkId);
            rt.Agents.CheckDrained(agent);
        }
        if (task.ResourcesReleased || task.Resources.IsEmpty) return;
        task.ResourcesReleased = true;
        if (State.Allocator.Agents.ContainsKey(task.AgentId) && State.Allocator.Frameworks.ContainsKey(task.FrameworkId))
            State.Allocator.Recover(task.FrameworkId, task.AgentId, task.Role, task.Resources, refuseSeconds: 0, rt.Now);
    }

    private static bool IsCompleted(FrameworkRecord framework, MesosTaskStatus status) =>
        TaskStates.IsTerminal(status.State) && framework.CompletedTasks.Any(t => t.TaskId == status.TaskId.Value && t.AgentId == status.AgentId!.Value);

    /// <summary>Terminal and acknowledged: moves to the framework's completed tasks (bounded).</summary>
    private void Complete(FrameworkRecord framework, TaskRecord task)
    {
        if (!framework.Tasks.Remove(task.TaskId)) return;
        framework.CompletedTasks.AddFirst(task);
        while (framework.CompletedTasks.Count > State.Options.MaxCompletedTasksPerFramework)
            framework.CompletedTasks.RemoveLast();
    }

    private TaskRecord Adopt(FrameworkRecord framework, AgentRecord agent, MesosTaskStatus status)
    {
        var info = new TaskInfo { Name = status.TaskId.Value, TaskId = status.TaskId, AgentId = AgentID.Of(agent.Id) };
        var task = new TaskRecord(framework.Id, agent.Id, info, framework.Roles.FirstOrDefault() ?? "*", Core.Resources.ResourceSet.Empty, status.ExecutorId?.Value);
        Track(task, framework, agent);
        return task;
    }

    private void ReleaseExecutor(AgentRecord agent, string frameworkId, string executorId)
    {
        if (!agent.Executors.TryGetValue(frameworkId, out var byId) || !byId.Remove(executorId, out var executor)) return;
        if (byId.Count == 0) agent.Executors.Remove(frameworkId);
        if (!executor.Resources.IsEmpty && State.Allocator.Frameworks.ContainsKey(frameworkId) && State.Allocator.Agents.ContainsKey(agent.Id))
            State.Allocator.Recover(frameworkId, agent.Id, executor.Role, executor.Resources, refuseSeconds: 0, rt.Now);
    }

    private void AckToAgent(AgentRecord agent, string frameworkId, TaskID taskId, ByteString uuid) =>
        rt.Outbox.ToAgent(agent, new AgentCommand
        {
            Type = AgentCommandType.ACKNOWLEDGE_UPDATE,
            AcknowledgeUpdate = new AcknowledgeUpdate { FrameworkId = FrameworkID.Of(frameworkId), TaskId = taskId, Uuid = uuid },
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "dropping {Operation} of framework {FrameworkId}: {Reason}")]
    private static partial void LogDropped(ILogger logger, string operation, string frameworkId, string reason);
}
