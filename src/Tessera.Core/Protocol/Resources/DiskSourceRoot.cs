namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Resource.DiskInfo.Source.Path</c> and <c>.Mount</c>: the root directory of the source.</summary>
public sealed record DiskSourceRoot
{
    /// <summary>The root directory, relative to the agent work dir or absolute.</summary>
    public string? Root { get; init; }
}
