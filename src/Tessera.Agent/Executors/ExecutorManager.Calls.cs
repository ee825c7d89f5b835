using Microsoft.Extensions.Logging;
using Tessera.Agent.Checkpoint;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Tasks;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;

namespace Tessera.Agent.Executors;

/// <summary>The executor's own calls on <c>/api/v1/executor</c>: SUBSCRIBE, UPDATE, MESSAGE, HEARTBEAT.</summary>
internal sealed partial class ExecutorManager
{
    /// <summary>SUBSCRIBE: the stream to answer with, or why not.</summary>
    public (ExecutorEventStream? Stream, ExecutorCallOutcome? Refusal) Subscribe(ExecutorCall call)
    {
        if (Known(call, out var executor) is { } unknown) return (null, unknown);
        if (executor!.State is ExecutorState.Terminating or ExecutorState.Terminated)
            return (null, ExecutorCallOutcome.Forbidden($"'executor_id': executor '{executor.ExecutorId}' is shutting down"));
        // After an agent restart an executor that had subscribed comes back as Mesos' executors reconnect.
        var resubscribing = executor.State == ExecutorState.Subscribed || (executor.State == ExecutorState.Recovering && executor.HasSubscribed);
        executor.Timer?.Dispose();
        executor.Timer = null;
        executor.Stream?.Close();
        var stream = new ExecutorEventStream();
        executor.Stream = stream;
        executor.State = ExecutorState.Subscribed;
        executor.HasSubscribed = true;
        stream.Send(ExecutorEvents.Subscribed(executor.Info, executor.Framework, AgentInfo(), executor.RunId));
        var subscribe = call.Subscribe!;
        // Updates the executor still waits on: take those this agent hasn't seen (it may have lost them).
        foreach (var update in subscribe.UnacknowledgedUpdates ?? [])
            if (ExecutorCallCheck.Problem(call with { Type = ExecutorCallType.UPDATE, Update = update }) is null)
                Take(executor, update.Status);
        if (resubscribing) DropUnreceived(executor, subscribe.UnacknowledgedTasks ?? []);
        foreach (var launch in executor.Queued)
        {
            stream.Send(ExecutorEvents.Launch(launch));
            foreach (var task in launch.Tasks) executor.Sent.Add(task.TaskId.Value);
        }
        executor.Queued.Clear();
        foreach (var (taskId, policy) in executor.PendingKills)
            if (executor.Tasks.TryGetValue(taskId, out var task) && !task.IsTerminal) stream.Send(ExecutorEvents.Kill(task.Info.TaskId, policy));
        executor.PendingKills.Clear();
        Checkpoint(executor);
        LogSubscribed(_log, executor.ExecutorId, executor.FrameworkId, resubscribing);
        return (stream, null);
    }

    /// <summary>The subscription's response ended (the executor went away or subscribed again).</summary>
    public void StreamClosed((string Framework, string Executor) key, ExecutorEventStream stream)
    {
        if (_executors.TryGetValue(key, out var executor) && executor.Stream == stream) executor.Stream = null;
    }

    public ExecutorCallOutcome Update(ExecutorCall call)
    {
        if (Subscribed(call, out var executor) is { } refused) return refused;
        Take(executor!, call.Update!.Status);
        return ExecutorCallOutcome.Accepted;
    }

    public ExecutorCallOutcome Message(ExecutorCall call)
    {
        if (Subscribed(call, out _) is { } refused) return refused;
        if (_rt.AgentId is { } agentId)
            _notices.Writer.TryWrite(new ExecutorNotice(Message: new AgentExecutorMessage
            {
                AgentId = AgentID.Of(agentId), FrameworkId = call.FrameworkId, ExecutorId = call.ExecutorId, Data = call.Message!.Data,
            }));
        return ExecutorCallOutcome.Accepted;
    }

    public ExecutorCallOutcome Heartbeat(ExecutorCall call) => Subscribed(call, out _) ?? ExecutorCallOutcome.Accepted;
}
