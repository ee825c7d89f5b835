using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>Removes resources a framework can't understand: revocable ones without REVOCABLE_RESOURCES, refined reservations without RESERVATION_REFINEMENT.</summary>
internal static class CapabilityFilter
{
    public static ResourceSet For(AllocatorFramework framework, ResourceSet resources)
    {
        var revocable = framework.Has(AllocatorCapabilities.RevocableResources);
        var refinement = framework.Has(AllocatorCapabilities.ReservationRefinement);
        if (revocable && refinement) return resources;
        return resources.Filter(r => (revocable || !r.Revocable) && (refinement || r.Reservations.Length <= 1));
    }
}
