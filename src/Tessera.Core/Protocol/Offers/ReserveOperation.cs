namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.Reserve</c>.</summary>
public sealed record ReserveOperation
{
    /// <summary>The resources before the reservation (refinement format).</summary>
    public IReadOnlyList<Resource>? Source { get; init; }

    /// <summary>The resources with the new reservation.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }
}
