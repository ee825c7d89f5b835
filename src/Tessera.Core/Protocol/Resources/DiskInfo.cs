namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Resource.DiskInfo</c>.</summary>
public sealed record DiskInfo
{
    /// <summary>Set for a persistent volume.</summary>
    public DiskPersistence? Persistence { get; init; }

    /// <summary>Where the volume is mounted in the container.</summary>
    public Volume? Volume { get; init; }

    /// <summary>The disk source (PATH, MOUNT, BLOCK or RAW); absent for the root disk.</summary>
    public DiskSource? Source { get; init; }
}
