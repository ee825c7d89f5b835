namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.GrowVolume</c>.</summary>
public sealed record GrowVolumeOperation
{
    /// <summary>The volume.</summary>
    public required Resource Volume { get; init; }

    /// <summary>The disk to add.</summary>
    public required Resource Addition { get; init; }
}
