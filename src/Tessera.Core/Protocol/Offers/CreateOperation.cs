namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.Create</c>.</summary>
public sealed record CreateOperation
{
    /// <summary>The persistent volumes to create.</summary>
    public IReadOnlyList<Resource>? Volumes { get; init; }
}
