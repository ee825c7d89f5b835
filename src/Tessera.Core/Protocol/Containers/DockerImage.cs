using System.Text.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Image.Docker</c>.</summary>
public sealed record DockerImage
{
    /// <summary>The image name, such as <c>library/busybox:latest</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Registry credential (deprecated; kept as raw JSON).</summary>
    public JsonElement? Credential { get; init; }

    /// <summary>Docker config secret (kept as raw JSON).</summary>
    public JsonElement? Config { get; init; }
}
