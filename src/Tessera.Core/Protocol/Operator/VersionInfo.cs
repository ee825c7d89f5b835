namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>VersionInfo</c>.</summary>
public sealed record VersionInfo
{
    /// <summary>The version.</summary>
    public required string Version { get; init; }

    /// <summary>Build date.</summary>
    public string? BuildDate { get; init; }

    /// <summary>Build time (seconds since the epoch).</summary>
    public double? BuildTime { get; init; }

    /// <summary>Who built it.</summary>
    public string? BuildUser { get; init; }

    /// <summary>Commit.</summary>
    public string? GitSha { get; init; }

    /// <summary>Branch.</summary>
    public string? GitBranch { get; init; }

    /// <summary>Tag.</summary>
    public string? GitTag { get; init; }
}
