namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.Destroy</c>.</summary>
public sealed record DestroyOperation
{
    /// <summary>The persistent volumes to destroy.</summary>
    public IReadOnlyList<Resource>? Volumes { get; init; }
}
