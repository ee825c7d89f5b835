using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Tessera.Master.State;

namespace Tessera.Master.Offers;

/// <summary>Shapes an offer for the wire, as Mesos does: url of the agent, allocation_info on the offer and on every resource.</summary>
internal static class OfferWire
{
    public static Offer Build(OfferRecord offer, AgentRecord agent, FrameworkRecord framework) => new()
    {
        Id = OfferID.Of(offer.Id),
        FrameworkId = FrameworkID.Of(offer.FrameworkId),
        AgentId = AgentID.Of(offer.AgentId),
        Hostname = agent.Hostname,
        Url = new URL
        {
            Scheme = "http",
            Address = new Address { Hostname = agent.Hostname, Ip = AgentIp(agent), Port = agent.Info.Port ?? 5051 },
            Path = "/slave(1)",
        },
        Resources = ResourceWireForm.ToWire(offer.Resources.AllocatedTo(offer.Role), framework.AllocatorCapabilities.HasFlag(Core.Allocation.AllocatorCapabilities.ReservationRefinement)),
        Attributes = agent.Info.Attributes,
        ExecutorIds = agent.Executors.TryGetValue(offer.FrameworkId, out var executors) && executors.Count > 0
            ? [.. executors.Keys.Select(ExecutorID.Of)]
            : null,
        AllocationInfo = AllocationInfo.Of(offer.Role),
    };

    /// <summary>The agent's address as it registered it; Tessera agents report their ip in the hostname when they have no name.</summary>
    private static string AgentIp(AgentRecord agent) =>
        System.Net.IPAddress.TryParse(agent.Hostname, out _) ? agent.Hostname : "127.0.0.1";
}
