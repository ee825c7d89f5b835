namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.DestroyDisk</c>.</summary>
public sealed record DestroyDiskOperation
{
    /// <summary>The disk to return to raw storage.</summary>
    public required Resource Source { get; init; }
}
