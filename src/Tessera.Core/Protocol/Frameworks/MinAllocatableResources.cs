namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>OfferFilters.MinAllocatableResources</c>.</summary>
public sealed record MinAllocatableResources
{
    /// <summary>Alternatives: an offer must satisfy at least one.</summary>
    public IReadOnlyList<ResourceQuantities>? Quantities { get; init; }
}
