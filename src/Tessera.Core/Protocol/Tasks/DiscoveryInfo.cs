namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>DiscoveryInfo</c>: how service discovery should expose a task.</summary>
public sealed record DiscoveryInfo
{
    /// <summary>Who may see it.</summary>
    public required DiscoveryVisibility Visibility { get; init; }

    /// <summary>The service name.</summary>
    public string? Name { get; init; }

    /// <summary>The environment, such as <c>prod</c>.</summary>
    public string? Environment { get; init; }

    /// <summary>The location.</summary>
    public string? Location { get; init; }

    /// <summary>The version.</summary>
    public string? Version { get; init; }

    /// <summary>The ports.</summary>
    public DiscoveryPorts? Ports { get; init; }

    /// <summary>Labels.</summary>
    public Labels? Labels { get; init; }
}
