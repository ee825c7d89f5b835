namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Ports</c>.</summary>
public sealed record DiscoveryPorts
{
    /// <summary>The ports.</summary>
    public IReadOnlyList<DiscoveryPort>? Ports { get; init; }
}
