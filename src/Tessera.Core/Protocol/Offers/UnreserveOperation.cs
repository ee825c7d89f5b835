namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.Unreserve</c>.</summary>
public sealed record UnreserveOperation
{
    /// <summary>The reserved resources to release.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }
}
