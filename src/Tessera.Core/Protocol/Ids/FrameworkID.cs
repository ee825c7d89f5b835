namespace Tessera.Core.Protocol;

/// <summary>The ID of a framework; on the wire <c>{"value":"…"}</c>.</summary>
public sealed record FrameworkID
{
    /// <summary>The ID text.</summary>
    public required string Value { get; init; }

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public static FrameworkID Of(string value) => new() { Value = value };

    /// <inheritdoc />
    public override string ToString() => Value;
}
