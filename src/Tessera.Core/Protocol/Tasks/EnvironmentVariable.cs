using System.Text.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Environment.Variable</c>.</summary>
public sealed record EnvironmentVariable
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>VALUE (default) or SECRET.</summary>
    public EnvironmentVariableType? Type { get; init; }

    /// <summary>The value, for VALUE variables.</summary>
    public string? Value { get; init; }

    /// <summary>The secret, for SECRET variables (kept as raw JSON).</summary>
    public JsonElement? Secret { get; init; }
}
