using System.Collections.Immutable;
using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// What the allocator knows of one agent: its total resources, what is allocated (offered or in
/// use), and the offer filters frameworks placed on it. Immutable: the state replaces it on change.
/// </summary>
public sealed record AllocatorAgent
{
    public AllocatorAgent(string id, string hostname, ResourceSet total)
    {
        Id = id;
        Hostname = hostname;
        Total = total;
        Available = total;
        HasGpus = !total.Scalar(ResourceNames.Gpus).IsZero;
    }

    public string Id { get; }
    public string Hostname { get; init; }
    public ResourceSet Total { get; }

    /// <summary>Total minus allocated, kept up to date by <see cref="AllocatorState"/> so cycles never recompute it.</summary>
    public ResourceSet Available { get; init; }

    public ResourceSet Allocated { get; init; } = ResourceSet.Empty;

    /// <summary>False while deactivated or draining: nothing new is offered from it.</summary>
    public bool Active { get; init; } = true;

    public bool HasGpus { get; }

    public ImmutableDictionary<FilterKey, OfferFilter> Filters { get; init; } = ImmutableDictionary<FilterKey, OfferFilter>.Empty;
}
