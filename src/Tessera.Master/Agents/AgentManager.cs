using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Resources;
using Tessera.Master.Events;
using Tessera.Master.Loop;
using Tessera.Master.Offers;
using Tessera.Master.State;

namespace Tessera.Master.Agents;

/// <summary>
/// Agents: registration and re-registration (reconciling tasks both ways), the command stream,
/// pings and the unreachable verdict, MARK_AGENT_GONE, drain, deactivate, and checkpointing a new
/// total after reservation or volume operations.
/// </summary>
internal sealed class AgentManager(MasterRuntime rt)
{
    private MasterState State => rt.State;

    public (AgentRegistered? Registered, CallOutcome? Refused) Register(AgentRegistration registration)
    {
        var info = registration.AgentInfo;
        if (string.IsNullOrWhiteSpace(info.Hostname)) return (null, CallOutcome.BadRequest("'agent_info.hostname' must not be empty"));
        ResourceSet total;
        try
        {
            total = ResourceWireForm.FromWire(info.Resources ?? []);
        }
        catch (ResourceParseException e)
        {
            return (null, CallOutcome.BadRequest($"'agent_info.resources': {e.Message}"));
        }
        var id = info.Id?.Value;
        if (id is not null && State.GoneAgents.Contains(id))
            return (null, CallOutcome.Forbidden($"'agent_info.id': agent {id} was marked gone and can't register again; start it with a clean work dir"));
        if (id is not null && LaunchValidator.Id(id, "agent_info.id") is { } badId) return (null, CallOutcome.BadRequest(badId));
        var agent = id is not null && State.Agent(id) is { } known ? Reregister(known, info, total) : Admit(id ?? State.Ids.NextAgentId(), info, total);
        // A (re-)registering agent opens a new stream next: commands made from here on wait for it
        // instead of going to a stream the agent is about to drop. Older pending commands are
        // superseded by the reconciliation below, which works from what the agent reports.
        agent.Connection?.Close();
        agent.Connection = null;
        agent.PendingCommands.Clear();
        State.RecoveredAgents.Remove(agent.Id);
        AgentReconciliation.Run(rt, agent, registration);
        rt.Changed();
        return (new AgentRegistered { AgentId = AgentID.Of(agent.Id), MasterInfo = rt.Identity.Info, PingIntervalSeconds = State.Options.AgentPingInterval.TotalSeconds }, null);
    }

    /// <summary>Timer: agents known from before a restart that did not come back in time are unreachable.</summary>
    public void ExpireRecovered()
    {
        if (State.RecoveredAgents.Count == 0 || rt.Now - State.StartedAt < State.Options.AgentReregisterTimeout) return;
        foreach (var id in State.RecoveredAgents.Keys.ToList())
        {
            State.RecoveredAgents.Remove(id);
            rt.Registry.AgentUnreachable(id);
            State.Counters.AgentsUnreachable++;
        }
        rt.Changed();
    }

    public (EventChannel? Stream, CallOutcome? Refused) OpenStream(string agentId)
    {
        if (State.GoneAgents.Contains(agentId)) return (null, CallOutcome.Forbidden($"'agent_id': agent {agentId} was marked gone"));
        if (State.Agent(agentId) is not { Status: AgentStatus.Registered } agent)
            return (null, CallOutcome.NotFound($"'agent_id': agent {agentId} is not registered; register first"));
        agent.Connection?.Close();
        agent.Connection = new EventChannel(State.Ids.NextStreamId(), State.Options.MaxQueuedEvents);
        rt.Outbox.FlushPending(agent);
        return (agent.Connection, null);
    }

    public void StreamClosed(string agentId, EventChannel stream)
    {
        if (State.Agent(agentId) is { } agent && ReferenceEquals(agent.Connection, stream)) agent.Connection = null;
    }

    /// <summary>Timer: one ping round. An agent that missed <c>max_agent_ping_timeouts</c> pongs in a row is unreachable.</summary>
    public void PingAll()
    {
        foreach (var agent in State.Agents.Values.Where(a => a.Status == AgentStatus.Registered).ToList())
        {
            if (agent.AwaitingPong is not null && ++agent.MissedPings >= State.Options.MaxAgentPingTimeouts)
            {
                MarkUnreachable(agent);
                continue;
            }
            agent.PingSequence++;
            agent.AwaitingPong = agent.PingSequence;
            rt.Outbox.ToAgent(agent, new AgentCommand { Type = AgentCommandType.PING, Ping = new Ping { Sequence = agent.PingSequence } });
        }
    }

    public CallOutcome Pong(AgentPong pong)
    {
        if (State.Agent(pong.AgentId.Value) is not { Status: AgentStatus.Registered } agent)
            return CallOutcome.Forbidden($"'agent_id': agent {pong.AgentId.Value} is not registered; register again");
        if (pong.Sequence == agent.AwaitingPong)
        {
            agent.AwaitingPong = null;
            agent.MissedPings = 0;
        }
        return CallOutcome.Accepted;
    }

    public void MarkUnreachable(AgentRecord agent)
    {
        agent.Status = AgentStatus.Unreachable;
        agent.UnreachableSince = rt.Now;
        agent.AwaitingPong = null;
        agent.MissedPings = 0;
        agent.Connection?.Close();
        agent.Connection = null;
        rt.Offers.RescindAll(agent);
        State.Allocator.RemoveAgent(agent.Id);
        rt.Tasks.AgentLost(agent, TaskState.TASK_UNREACHABLE, TaskStatusReason.REASON_AGENT_REMOVED, $"agent {agent.Id} is unreachable");
        rt.Registry.AgentUnreachable(agent.Id);
        State.Counters.AgentsUnreachable++;
        rt.Watchers.AgentRemoved(agent.Id);
        rt.Changed();
    }

    /// <summary>MARK_AGENT_GONE (or a drain with mark_gone): its tasks are gone and the id may never return.</summary>
    public CallOutcome MarkGone(string agentId)
    {
        if (State.GoneAgents.Contains(agentId)) return CallOutcome.Ok;
        if (State.Agent(agentId) is not { } agent) return CallOutcome.NotFound($"'agent_id': agent {agentId} is not known");
        State.GoneAgents.Add(agentId);
        if (agent.Status == AgentStatus.Registered)
        {
            rt.Offers.RescindAll(agent);
            State.Allocator.RemoveAgent(agent.Id);
        }
        rt.Tasks.AgentLost(agent, TaskState.TASK_GONE_BY_OPERATOR, TaskStatusReason.REASON_AGENT_REMOVED_BY_OPERATOR, $"agent {agent.Id} was marked gone");
        rt.Outbox.ToAgent(agent, new AgentCommand { Type = AgentCommandType.SHUTDOWN_FRAMEWORK, ShutdownFramework = new ShutdownFramework { FrameworkId = FrameworkID.Of("*") } });
        agent.Connection?.Close();
        State.Agents.Remove(agentId);
        rt.Registry.AgentGone(agentId);
        rt.Watchers.AgentRemoved(agentId);
        rt.Changed();
        return CallOutcome.Ok;
    }

    public CallOutcome SetActive(string agentId, bool active)
    {
        if (State.Agent(agentId) is not { } agent) return CallOutcome.NotFound($"'agent_id': agent {agentId} is not known");
        agent.Deactivated = !active;
        SyncAllocator(agent);
        if (!active) rt.Offers.RescindAll(agent);
        rt.Changed();
        return CallOutcome.Ok;
    }

    public CallOutcome Drain(string agentId, TimeSpan? maxGracePeriod, bool markGone)
    {
        if (State.Agent(agentId) is not { Status: AgentStatus.Registered } agent) return CallOutcome.NotFound($"'agent_id': agent {agentId} is not registered");
        agent.Drain = new DrainState(maxGracePeriod, markGone, rt.Now);
        SyncAllocator(agent);
        rt.Offers.RescindAll(agent);
        var policy = maxGracePeriod is { } g ? new KillPolicy { GracePeriod = DurationInfo.From(g) } : null;
        foreach (var (frameworkId, tasks) in agent.Tasks)
            foreach (var task in tasks.Values)
                rt.Outbox.ToAgent(agent, new AgentCommand
                {
                    Type = AgentCommandType.KILL_TASK,
                    KillTask = new KillTask { FrameworkId = FrameworkID.Of(frameworkId), TaskId = task.Info.TaskId, KillPolicy = policy ?? task.Info.KillPolicy },
                });
        CheckDrained(agent);
        rt.Changed();
        return CallOutcome.Ok;
    }

    /// <summary>Called when a task on the agent ends: a draining agent with no tasks left is drained (and gone if asked).</summary>
    public void CheckDrained(AgentRecord agent)
    {
        if (agent.Drain is not { Drained: false } drain || agent.TaskCount > 0) return;
        drain.Drained = true;
        if (drain.MarkGone) MarkGone(agent.Id);
    }

    public void ShutdownFramework(string frameworkId)
    {
        foreach (var agent in State.Agents.Values.Where(a => a.Tasks.ContainsKey(frameworkId) || a.Executors.ContainsKey(frameworkId)))
            rt.Outbox.ToAgent(agent, new AgentCommand
            {
                Type = AgentCommandType.SHUTDOWN_FRAMEWORK,
                ShutdownFramework = new ShutdownFramework { FrameworkId = FrameworkID.Of(frameworkId) },
            });
    }

    public void BroadcastFrameworkInfo(FrameworkRecord framework)
    {
        foreach (var agent in State.Agents.Values.Where(a => a.Tasks.ContainsKey(framework.Id)))
            rt.Outbox.ToAgent(agent, new AgentCommand { Type = AgentCommandType.UPDATE_FRAMEWORK, UpdateFramework = new UpdateFrameworkInfo { FrameworkInfo = framework.Info } });
    }

    /// <summary>A reservation or volume operation changed what the agent has: allocator, books and the agent's checkpoint.</summary>
    public void ApplyConversion(AgentRecord agent, string frameworkId, string role, ResourceSet from, ResourceSet to)
    {
        State.Allocator.Convert(frameworkId, agent.Id, role, from, to);
        agent.Total = agent.Total - from + to;
        agent.Info = agent.Info with { Resources = ResourceWireForm.ToWire(agent.Total) };
        rt.Outbox.ToAgent(agent, new AgentCommand { Type = AgentCommandType.APPLY_RESOURCES, ApplyResources = new ApplyResources { Total = agent.Info.Resources! } });
    }

    private AgentRecord Admit(string id, AgentInfo info, ResourceSet total)
    {
        var agent = new AgentRecord(id, info with { Id = AgentID.Of(id) }, total, rt.Now);
        State.Agents[id] = agent;
        State.Allocator.AddAgent(id, agent.Hostname, total);
        rt.Registry.AgentAdmitted(id, agent.Hostname, MesosJson.Serialize(agent.Info));
        State.Counters.AgentsRegistered++;
        rt.Watchers.AgentAdded(agent);
        return agent;
    }

    private AgentRecord Reregister(AgentRecord agent, AgentInfo info, ResourceSet total)
    {
        var wasUnreachable = agent.Status == AgentStatus.Unreachable;
        if (!wasUnreachable)
        {
            rt.Offers.RescindAll(agent);
            State.Allocator.RemoveAgent(agent.Id);
        }
        agent.Info = info with { Id = AgentID.Of(agent.Id) };
        agent.Total = total;
        agent.Status = AgentStatus.Registered;
        agent.UnreachableSince = null;
        agent.ReregisteredAt = rt.Now;
        agent.AwaitingPong = null;
        agent.MissedPings = 0;
        agent.Executors.Clear();
        State.Allocator.AddAgent(agent.Id, agent.Hostname, total);
        SyncAllocator(agent);
        if (wasUnreachable) rt.Registry.AgentReachable(agent.Id);
        if (wasUnreachable) rt.Watchers.AgentAdded(agent);
        State.Counters.AgentsReregistered++;
        return agent;
    }

    private void SyncAllocator(AgentRecord agent)
    {
        if (State.Allocator.Agents.ContainsKey(agent.Id)) State.Allocator.SetAgentActive(agent.Id, agent.Active);
    }
}
