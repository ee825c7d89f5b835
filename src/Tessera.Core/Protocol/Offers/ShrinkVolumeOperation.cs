namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.ShrinkVolume</c>.</summary>
public sealed record ShrinkVolumeOperation
{
    /// <summary>The volume.</summary>
    public required Resource Volume { get; init; }

    /// <summary>The amount to remove.</summary>
    public required ValueScalar Subtract { get; init; }
}
