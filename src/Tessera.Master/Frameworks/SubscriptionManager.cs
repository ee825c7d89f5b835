using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Events;
using Tessera.Master.Loop;
using Tessera.Master.State;

namespace Tessera.Master.Frameworks;

/// <summary>
/// Framework lifecycle: SUBSCRIBE (new, failover, after a master restart), disconnection and the
/// failover timeout, UPDATE_FRAMEWORK, TEARDOWN and removal.
/// </summary>
internal sealed class SubscriptionManager(MasterRuntime rt)
{
    private MasterState State => rt.State;

    public SubscribeOutcome Subscribe(SubscribeCall call, FrameworkID? callFrameworkId)
    {
        if (SubscribeValidator.Validate(call, callFrameworkId, State.Options.Roles) is { } error)
            return SubscribeOutcome.Fail(400, error);
        var info = call.FrameworkInfo;
        var stream = new EventChannel(State.Ids.NextStreamId(), State.Options.MaxQueuedEvents);
        FrameworkRecord framework;
        if (info.Id?.Value is { } id)
        {
            if (State.CompletedFrameworks.Any(f => f.Id == id))
            {
                // Mesos answers a removed framework with an ERROR event on the new stream.
                stream.Send(Core.Protocol.Json.MesosJson.SerializeToUtf8Bytes(SchedulerEvents.Error($"Framework {id} has been removed")));
                stream.Close();
                return SubscribeOutcome.Open(stream, id);
            }
            framework = State.Framework(id) ?? Adopt(id, info);
            Failover(framework, info);
        }
        else
        {
            var newId = State.Ids.NextFrameworkId();
            framework = new FrameworkRecord(newId, info with { Id = FrameworkID.Of(newId) }, rt.Now);
            State.Frameworks[newId] = framework;
            State.Allocator.AddFramework(newId, framework.Roles, framework.AllocatorCapabilities);
            State.Counters.FrameworksSubscribed++;
        }
        framework.Connection = stream;
        framework.StreamId = stream.StreamId;
        framework.Active = true;
        framework.FailoverDeadline = null;
        State.Allocator.SetFrameworkActive(framework.Id, true);
        if (call.SuppressedRoles is { Count: > 0 } suppressed)
            State.Allocator.Suppress(framework.Id, suppressed);
        rt.Outbox.ToFramework(framework, SchedulerEvents.Subscribed(framework.Id, State.Options.HeartbeatInterval.TotalSeconds, rt.Identity.Info));
        rt.Tasks.ResendUnacknowledged(framework);
        rt.Watchers.FrameworkSubscribed(framework);
        rt.Changed();
        return SubscribeOutcome.Open(stream, framework.Id);
    }

    /// <summary>The SUBSCRIBE stream ended. Offers go back; the framework has failover_timeout to return.</summary>
    public void Disconnected(string frameworkId, EventChannel stream)
    {
        if (State.Framework(frameworkId) is not { } framework || !ReferenceEquals(framework.Connection, stream)) return;
        framework.Connection = null;
        Deactivate(framework);
        framework.FailoverDeadline = rt.Now + framework.FailoverTimeout;
        rt.Watchers.FrameworkUpdated(framework);
        rt.Changed();
        if (framework.FailoverTimeout == TimeSpan.Zero) Remove(framework);
    }

    /// <summary>Timer: tears down frameworks whose failover timeout ran out.</summary>
    public void ExpireFailovers()
    {
        var now = rt.Now;
        foreach (var framework in State.Frameworks.Values.Where(f => f.FailoverDeadline is { } d && d <= now).ToList())
            Remove(framework);
    }

    /// <summary>Timer: a HEARTBEAT to every connected framework.</summary>
    public void Heartbeat()
    {
        foreach (var framework in State.Frameworks.Values.Where(f => f.Connected).ToList())
            rt.Outbox.ToFramework(framework, SchedulerEvents.Heartbeat);
    }

    public CallOutcome Update(FrameworkRecord framework, UpdateFrameworkCall call)
    {
        var info = call.FrameworkInfo;
        if (info.Id?.Value != framework.Id)
            return CallOutcome.BadRequest($"'update_framework.framework_info.id' must be {framework.Id}");
        if (SubscribeValidator.ValidateInfo(info, State.Options.Roles) is { } error) return CallOutcome.BadRequest(error);
        if (info.User != framework.Info.User) return CallOutcome.BadRequest("'framework_info.user' can't be changed");
        if (info.Checkpoint != framework.Info.Checkpoint) return CallOutcome.BadRequest("'framework_info.checkpoint' can't be changed");
        if (info.Principal != framework.Info.Principal) return CallOutcome.BadRequest("'framework_info.principal' can't be changed");
        framework.Info = info;
        State.Allocator.UpdateFramework(framework.Id, framework.Roles, framework.AllocatorCapabilities);
        if (call.SuppressedRoles is { } suppressed)
        {
            State.Allocator.Revive(framework.Id, framework.Roles.Except(suppressed));
            if (suppressed.Count > 0) State.Allocator.Suppress(framework.Id, suppressed);
        }
        rt.Agents.BroadcastFrameworkInfo(framework);
        rt.Changed();
        return CallOutcome.Ok;
    }

    /// <summary>TEARDOWN, failover timeout or operator: kill its tasks, return its offers, forget it.</summary>
    public void Remove(FrameworkRecord framework)
    {
        rt.Offers.RescindAll(framework, sendEvents: false);
        // Tell the agents first: removing the tasks below forgets where they ran.
        rt.Agents.ShutdownFramework(framework.Id);
        rt.Tasks.RemoveAllTasks(framework);
        State.Allocator.RemoveFramework(framework.Id);
        framework.Connection?.Close();
        framework.Connection = null;
        framework.Active = false;
        framework.UnregisteredAt = rt.Now;
        framework.FailoverDeadline = null;
        State.Frameworks.Remove(framework.Id);
        State.CompletedFrameworks.AddFirst(framework);
        while (State.CompletedFrameworks.Count > State.Options.MaxCompletedFrameworks)
            State.CompletedFrameworks.RemoveLast();
        State.Counters.FrameworksRemoved++;
        rt.Watchers.FrameworkRemoved(framework);
        rt.Changed();
    }

    /// <summary>A framework learned from an agent (master restart) or re-subscribing with an id we never saw.</summary>
    public FrameworkRecord Adopt(string id, FrameworkInfo info)
    {
        var framework = new FrameworkRecord(id, info with { Id = FrameworkID.Of(id) }, rt.Now) { Active = false };
        State.Frameworks[id] = framework;
        State.Allocator.AddFramework(id, framework.Roles, framework.AllocatorCapabilities);
        State.Allocator.SetFrameworkActive(id, false);
        return framework;
    }

    private void Failover(FrameworkRecord framework, FrameworkInfo info)
    {
        if (framework.Connection is { } old)
        {
            rt.Outbox.ToFramework(framework, SchedulerEvents.Error("Framework failed over"));
            old.Close();
            framework.Connection = null;
        }
        // Outstanding offers were made to the old connection: rescind them, as Mesos does.
        rt.Offers.RescindAll(framework, sendEvents: false);
        framework.Info = info with { Id = FrameworkID.Of(framework.Id) };
        framework.ReregisteredAt = rt.Now;
        State.Allocator.UpdateFramework(framework.Id, framework.Roles, framework.AllocatorCapabilities);
    }

    private void Deactivate(FrameworkRecord framework)
    {
        framework.Active = false;
        framework.UnregisteredAt = rt.Now;
        State.Allocator.SetFrameworkActive(framework.Id, false);
        rt.Offers.RescindAll(framework, sendEvents: false);
    }
}
