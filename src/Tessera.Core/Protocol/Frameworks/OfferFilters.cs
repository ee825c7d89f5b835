namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>OfferFilters</c>: what a framework wants to be offered for one role.</summary>
public sealed record OfferFilters
{
    /// <summary>Do not offer less than any one of these quantity sets.</summary>
    public MinAllocatableResources? MinAllocatableResources { get; init; }
}
