namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Port</c>: a named port for service discovery.</summary>
public sealed record DiscoveryPort
{
    /// <summary>The port number.</summary>
    public required uint Number { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The protocol, such as <c>tcp</c>.</summary>
    public string? Protocol { get; init; }

    /// <summary>Who may see it.</summary>
    public DiscoveryVisibility? Visibility { get; init; }

    /// <summary>Labels.</summary>
    public Labels? Labels { get; init; }
}
