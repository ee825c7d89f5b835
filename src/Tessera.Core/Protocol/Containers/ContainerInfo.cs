using System.Text.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>ContainerInfo</c>: how to containerise a task or executor.</summary>
public sealed record ContainerInfo
{
    /// <summary>The containerizer to use.</summary>
    public required ContainerType Type { get; init; }

    /// <summary>Volumes to mount.</summary>
    public IReadOnlyList<Volume>? Volumes { get; init; }

    /// <summary>The container's hostname.</summary>
    public string? Hostname { get; init; }

    /// <summary>Docker containerizer settings.</summary>
    public DockerInfo? Docker { get; init; }

    /// <summary>Mesos containerizer settings.</summary>
    public MesosInfo? Mesos { get; init; }

    /// <summary>Networks to join.</summary>
    public IReadOnlyList<NetworkInfo>? NetworkInfos { get; init; }

    /// <summary>Linux capabilities and namespaces (kept as raw JSON).</summary>
    public JsonElement? LinuxInfo { get; init; }

    /// <summary>Resource limits (kept as raw JSON).</summary>
    public JsonElement? RlimitInfo { get; init; }

    /// <summary>Terminal settings (kept as raw JSON).</summary>
    public JsonElement? TtyInfo { get; init; }
}
