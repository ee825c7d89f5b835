namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation</c>: one thing to do with accepted offers; the body named after <see cref="Type"/> is set.</summary>
public sealed record OfferOperation
{
    /// <summary>The operation.</summary>
    public OfferOperationType? Type { get; init; }

    /// <summary>Set when the framework wants operation status updates.</summary>
    public OperationID? Id { get; init; }

    /// <summary>For LAUNCH.</summary>
    public LaunchOperation? Launch { get; init; }

    /// <summary>For LAUNCH_GROUP.</summary>
    public LaunchGroupOperation? LaunchGroup { get; init; }

    /// <summary>For RESERVE.</summary>
    public ReserveOperation? Reserve { get; init; }

    /// <summary>For UNRESERVE.</summary>
    public UnreserveOperation? Unreserve { get; init; }

    /// <summary>For CREATE.</summary>
    public CreateOperation? Create { get; init; }

    /// <summary>For DESTROY.</summary>
    public DestroyOperation? Destroy { get; init; }

    /// <summary>For GROW_VOLUME.</summary>
    public GrowVolumeOperation? GrowVolume { get; init; }

    /// <summary>For SHRINK_VOLUME.</summary>
    public ShrinkVolumeOperation? ShrinkVolume { get; init; }

    /// <summary>For CREATE_DISK.</summary>
    public CreateDiskOperation? CreateDisk { get; init; }

    /// <summary>For DESTROY_DISK.</summary>
    public DestroyDiskOperation? DestroyDisk { get; init; }
}
