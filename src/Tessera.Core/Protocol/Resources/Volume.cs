using System.Text.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Volume</c>: a path mounted into a container.</summary>
public sealed record Volume
{
    /// <summary>Read-write or read-only.</summary>
    public VolumeMode? Mode { get; init; }

    /// <summary>The path inside the container.</summary>
    public required string ContainerPath { get; init; }

    /// <summary>The path on the host (legacy host-path volumes).</summary>
    public string? HostPath { get; init; }

    /// <summary>An image whose root filesystem is the volume.</summary>
    public Image? Image { get; init; }

    /// <summary>The volume source (host path, sandbox path, secret, CSI…), kept as raw JSON.</summary>
    public JsonElement? Source { get; init; }
}
