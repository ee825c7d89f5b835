namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Resource.DiskInfo.Source</c>.</summary>
public sealed record DiskSource
{
    /// <summary>The kind of source.</summary>
    public required DiskSourceType Type { get; init; }

    /// <summary>Set when <see cref="Type"/> is PATH.</summary>
    public DiskSourceRoot? Path { get; init; }

    /// <summary>Set when <see cref="Type"/> is MOUNT.</summary>
    public DiskSourceRoot? Mount { get; init; }

    /// <summary>The source ID (CSI).</summary>
    public string? Id { get; init; }

    /// <summary>Source metadata (CSI).</summary>
    public Labels? Metadata { get; init; }

    /// <summary>The storage profile.</summary>
    public string? Profile { get; init; }

    /// <summary>The storage vendor.</summary>
    public string? Vendor { get; init; }
}
