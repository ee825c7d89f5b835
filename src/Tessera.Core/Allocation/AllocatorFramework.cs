using System.Collections.Immutable;
using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>The framework capabilities the allocator acts on.</summary>
[Flags]
public enum AllocatorCapabilities
{
    None = 0,
    GpuResources = 1,
    RevocableResources = 2,
    ReservationRefinement = 4,
    MultiRole = 8,
}

/// <summary>What the allocator knows of one framework: roles, capabilities, suppression and its allocation per role.</summary>
public sealed record AllocatorFramework(string Id, ImmutableArray<string> Roles, AllocatorCapabilities Capabilities = AllocatorCapabilities.None)
{
    /// <summary>False while disconnected (failover pending) or deactivated: it gets no offers.</summary>
    public bool Active { get; init; } = true;

    public ImmutableHashSet<string> SuppressedRoles { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Offered plus used, per role.</summary>
    public ImmutableDictionary<string, ResourceQuantities> Allocated { get; init; } = ImmutableDictionary<string, ResourceQuantities>.Empty;

    public ResourceQuantities AllocatedTo(string role) => Allocated.GetValueOrDefault(role) ?? ResourceQuantities.Empty;

    public bool Has(AllocatorCapabilities capability) => (Capabilities & capability) == capability;
}
