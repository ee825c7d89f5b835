namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>ContainerInfo.DockerInfo</c>.</summary>
public sealed record DockerInfo
{
    /// <summary>The image.</summary>
    public required string Image { get; init; }

    /// <summary>The network mode.</summary>
    public DockerNetwork? Network { get; init; }

    /// <summary>Port mappings for BRIDGE or USER networks.</summary>
    public IReadOnlyList<DockerPortMapping>? PortMappings { get; init; }

    /// <summary>Run privileged.</summary>
    public bool? Privileged { get; init; }

    /// <summary>Extra <c>docker run</c> parameters.</summary>
    public IReadOnlyList<Parameter>? Parameters { get; init; }

    /// <summary>Pull the image even when cached.</summary>
    public bool? ForcePullImage { get; init; }

    /// <summary>Volume driver (deprecated).</summary>
    public string? VolumeDriver { get; init; }
}
