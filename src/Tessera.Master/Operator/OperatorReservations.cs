using Tessera.Core.AgentLink;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Resources;
using Tessera.Master.Loop;
using Tessera.Master.State;
using ReservationType = Tessera.Core.Resources.ReservationType;
using WireResource = Tessera.Core.Protocol.Resource;

namespace Tessera.Master.Operator;

/// <summary>
/// RESERVE_RESOURCES and UNRESERVE_RESOURCES: operator dynamic reservations on an agent's
/// resources that no framework holds. Outstanding offers on the agent are rescinded first (only
/// when that makes the resources free); then the allocator, the agent's books and the agent's
/// checkpoint (APPLY_RESOURCES) change together. 202 on success, as Mesos answers.
/// </summary>
internal static class OperatorReservations
{
    public static CallOutcome Reserve(MasterRuntime rt, ReserveResourcesCall call)
    {
        if (Parse(call.Resources, "reserve_resources.resources", out var to) is { } bad) return CallOutcome.BadRequest(bad);
        foreach (var r in to)
        {
            if (!r.IsReserved || r.Reservations[^1].Type != ReservationType.Dynamic)
                return CallOutcome.BadRequest($"'reserve_resources.resources': {r.Name} must carry a dynamic reservation on top");
            if (r.AllocationRole is not null)
                return CallOutcome.BadRequest($"'reserve_resources.resources': {r.Name} must not carry 'allocation_info'");
        }
        var from = ResourceSet.Of(to.Select(r => r.PopReservation()));
        if (call.Source is { Count: > 0 })
        {
            if (Parse(call.Source, "reserve_resources.source", out var source) is { } badSource) return CallOutcome.BadRequest(badSource);
            if (!source.Equals(from))
                return CallOutcome.BadRequest("'reserve_resources.source' must be 'resources' without their top reservation");
        }
        return Convert(rt, call.AgentId.Value, from, to);
    }

    public static CallOutcome Unreserve(MasterRuntime rt, UnreserveResourcesCall call)
    {
        if (Parse(call.Resources, "unreserve_resources.resources", out var from) is { } bad) return CallOutcome.BadRequest(bad);
        foreach (var r in from)
        {
            if (!r.IsReserved || r.Reservations[^1].Type != ReservationType.Dynamic)
                return CallOutcome.BadRequest($"'unreserve_resources.resources': {r.Name} is not dynamically reserved");
            if (r.Disk?.IsPersistentVolume == true)
                return CallOutcome.BadRequest($"'unreserve_resources.resources': {r.Name} is a persistent volume; destroy it first");
            if (r.AllocationRole is not null)
                return CallOutcome.BadRequest($"'unreserve_resources.resources': {r.Name} must not carry 'allocation_info'");
        }
        return Convert(rt, call.AgentId.Value, from, ResourceSet.Of(from.Select(r => r.PopReservation())));
    }

    private static CallOutcome Convert(MasterRuntime rt, string agentId, ResourceSet from, ResourceSet to)
    {
        var state = rt.State;
        if (state.Agent(agentId) is not { Status: AgentStatus.Registered } agent || !state.Allocator.Agents.TryGetValue(agentId, out var books))
            return CallOutcome.NotFound($"'agent_id': agent {agentId} is not registered");
        var offered = state.Offers.Values.Where(o => o.AgentId == agentId).Aggregate(ResourceSet.Empty, (s, o) => s + o.Resources.WithoutAllocation());
        if (!(books.Available + offered).Contains(from))
            return CallOutcome.Conflict($"'resources': agent {agentId} does not have {from} unallocated; resources in use by tasks can't be converted");
        rt.Offers.RescindAll(agent);
        state.Allocator.ConvertAvailable(agentId, from, to);
        agent.Total = agent.Total - from + to;
        agent.Info = agent.Info with { Resources = ResourceWireForm.ToWire(agent.Total) };
        rt.Outbox.ToAgent(agent, new AgentCommand { Type = AgentCommandType.APPLY_RESOURCES, ApplyResources = new ApplyResources { Total = agent.Info.Resources! } });
        rt.Changed();
        return CallOutcome.Accepted;
    }

    private static string? Parse(IReadOnlyList<WireResource>? wire, string field, out ResourceSet set)
    {
        set = ResourceSet.Empty;
        if (wire is not { Count: > 0 }) return $"'{field}' must not be empty";
        try
        {
            set = ResourceWireForm.FromWire(wire, field);
        }
        catch (ResourceParseException e)
        {
            return $"'{field}': {e.Message}";
        }
        return set.IsEmpty ? $"'{field}' must not be empty" : null;
    }
}
