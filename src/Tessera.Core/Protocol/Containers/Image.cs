using System.Text.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Image</c>: a container image reference.</summary>
public sealed record Image
{
    /// <summary>AppC or Docker.</summary>
    public required ImageType Type { get; init; }

    /// <summary>AppC details (kept as raw JSON).</summary>
    public JsonElement? Appc { get; init; }

    /// <summary>Docker details.</summary>
    public DockerImage? Docker { get; init; }

    /// <summary>Whether a cached copy may be used (default true).</summary>
    public bool? Cached { get; init; }
}
