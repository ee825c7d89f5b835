namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Value.Text</c>.</summary>
public sealed record ValueText
{
    /// <summary>The text.</summary>
    public required string Value { get; init; }
}
