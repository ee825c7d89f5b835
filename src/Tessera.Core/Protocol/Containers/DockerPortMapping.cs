namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>ContainerInfo.DockerInfo.PortMapping</c>.</summary>
public sealed record DockerPortMapping
{
    /// <summary>The host port.</summary>
    public required uint HostPort { get; init; }

    /// <summary>The container port.</summary>
    public required uint ContainerPort { get; init; }

    /// <summary>The protocol, such as <c>tcp</c>.</summary>
    public string? Protocol { get; init; }
}
