using System.Globalization;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Master.Loop;
using Tessera.Master.Snapshots;
using Tessera.Master.State;

namespace Tessera.Master.Events;

/// <summary>
/// The Operator API SUBSCRIBE streams and the events they carry. Owned by the master loop: the
/// components call the one-line hooks below where the state changes; with no subscriber the hooks
/// cost nothing (no event is built).
/// </summary>
internal sealed class OperatorSubscribers(MasterRuntime rt)
{
    private static readonly byte[] HeartbeatJson = MesosJson.SerializeToUtf8Bytes(new OperatorEvent { Type = OperatorEventType.HEARTBEAT });
    private readonly List<EventChannel> _channels = [];
    private long _next;

    public int Count => _channels.Count;

    /// <summary>A new stream whose first records are SUBSCRIBED (the full state) and a HEARTBEAT, as Mesos sends them.</summary>
    public EventChannel Add(double heartbeatSeconds)
    {
        var channel = new EventChannel($"operator-{(++_next).ToString(CultureInfo.InvariantCulture)}", rt.State.Options.MaxQueuedEvents);
        channel.Send(MesosJson.SerializeToUtf8Bytes(new OperatorEvent
        {
            Type = OperatorEventType.SUBSCRIBED,
            Subscribed = new OperatorSubscribedEvent { GetState = rt.Snapshots.Fresh().State, HeartbeatIntervalSeconds = heartbeatSeconds },
        }));
        channel.Send(HeartbeatJson);
        _channels.Add(channel);
        return channel;
    }

    public void Remove(EventChannel channel)
    {
        _channels.Remove(channel);
        channel.Close();
    }

    public void Heartbeat(EventChannel channel)
    {
        if (_channels.Contains(channel) && !channel.Send(HeartbeatJson)) _channels.Remove(channel);
    }

    public void TaskAdded(TaskRecord task)
    {
        if (_channels.Count == 0) return;
        Broadcast(new OperatorEvent { Type = OperatorEventType.TASK_ADDED, TaskAdded = new TaskAddedEvent { Task = SnapshotBuilder.Task(task) } });
    }

    public void TaskUpdated(TaskRecord task, MesosTaskStatus status)
    {
        if (_channels.Count == 0) return;
        Broadcast(new OperatorEvent
        {
            Type = OperatorEventType.TASK_UPDATED,
            TaskUpdated = new TaskUpdatedEvent { FrameworkId = FrameworkID.Of(task.FrameworkId), Status = status, State = status.State },
        });
    }

    public void AgentAdded(AgentRecord agent)
    {
        if (_channels.Count == 0) return;
        Broadcast(new OperatorEvent { Type = OperatorEventType.AGENT_ADDED, AgentAdded = new AgentAddedEvent { Agent = SnapshotBuilder.Agent(rt.State, agent) } });
    }

    public void AgentRemoved(string agentId)
    {
        if (_channels.Count == 0) return;
        Broadcast(new OperatorEvent { Type = OperatorEventType.AGENT_REMOVED, AgentRemoved = new AgentRemovedEvent { AgentId = AgentID.Of(agentId) } });
    }

    /// <summary>After SUBSCRIBE: FRAMEWORK_ADDED for a new framework, FRAMEWORK_UPDATED for a failover or a framework known from agents.</summary>
    public void FrameworkSubscribed(FrameworkRecord framework)
    {
        if (_channels.Count == 0) return;
        if (framework.ReregisteredAt is null)
            Broadcast(new OperatorEvent { Type = OperatorEventType.FRAMEWORK_ADDED, FrameworkAdded = new FrameworkAddedEvent { Framework = SnapshotBuilder.Framework(rt.State, framework) } });
        else
            FrameworkUpdated(framework);
    }

    public void FrameworkUpdated(FrameworkRecord framework)
    {
        if (_channels.Count == 0) return;
        Broadcast(new OperatorEvent { Type = OperatorEventType.FRAMEWORK_UPDATED, FrameworkUpdated = new FrameworkUpdatedEvent { Framework = SnapshotBuilder.Framework(rt.State, framework) } });
    }

    public void FrameworkRemoved(FrameworkRecord framework)
    {
        if (_channels.Count == 0) return;
        Broadcast(new OperatorEvent { Type = OperatorEventType.FRAMEWORK_REMOVED, FrameworkRemoved = new FrameworkRemovedEvent { FrameworkInfo = framework.Info } });
    }

    private void Broadcast(OperatorEvent evt)
    {
        var json = MesosJson.SerializeToUtf8Bytes(evt);
        // A subscriber too far behind is cut off (its channel closes); it re-subscribes for the full state.
        _channels.RemoveAll(channel => !channel.Send(json));
    }
}
