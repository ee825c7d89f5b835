using System.Text.Json.Serialization;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Labels</c>: on the wire <c>{"labels":[{"key":…,"value":…}]}</c>.</summary>
public sealed record Labels
{
    /// <summary>The labels, in order (keys may repeat).</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyList<Label>? Values { get; init; }
}
