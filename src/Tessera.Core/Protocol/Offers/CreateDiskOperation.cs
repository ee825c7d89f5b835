namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer.Operation.CreateDisk</c>.</summary>
public sealed record CreateDiskOperation
{
    /// <summary>The raw disk.</summary>
    public required Resource Source { get; init; }

    /// <summary>MOUNT or BLOCK.</summary>
    public required DiskSourceType TargetType { get; init; }

    /// <summary>The storage profile.</summary>
    public string? TargetProfile { get; init; }
}
