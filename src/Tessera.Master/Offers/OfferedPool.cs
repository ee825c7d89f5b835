using Tessera.Core.Resources;

namespace Tessera.Master.Offers;

/// <summary>
/// What the offers of one ACCEPT still hold while its operations run in order, with each resource
/// stamped with its offer's role. Operations take from it; what is left goes back to the allocator.
/// </summary>
internal sealed class OfferedPool(ResourceSet resources, IReadOnlyList<string> roles)
{
    public ResourceSet Remaining { get; private set; } = resources;

    /// <summary>The offers' roles; when there is just one, resources without allocation_info get it (as Mesos injects it).</summary>
    public IReadOnlyList<string> Roles { get; } = roles;

    public bool Contains(ResourceSet wanted) => Remaining.Contains(wanted);

    public void Take(ResourceSet used) => Remaining -= used;

    public void Replace(ResourceSet from, ResourceSet to) => Remaining = Remaining - from + to;

    /// <summary>Reads resources from the wire and stamps the offer role where allocation_info is missing.</summary>
    public ResourceSet Stamp(ResourceSet resources, out string? error)
    {
        error = null;
        if (resources.All(r => r.AllocationRole is not null)) return resources;
        if (Roles.Count != 1)
        {
            error = "resources need 'allocation_info.role' when the offers are for several roles";
            return resources;
        }
        return ResourceSet.Of(resources.Select(r => r.AllocationRole is null ? r.WithAllocation(Roles[0]) : r));
    }
}
