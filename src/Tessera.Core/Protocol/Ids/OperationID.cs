namespace Tessera.Core.Protocol;

/// <summary>The ID of an offer operation; on the wire <c>{"value":"…"}</c>.</summary>
public sealed record OperationID
{
    /// <summary>The ID text.</summary>
    public required string Value { get; init; }

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public static OperationID Of(string value) => new() { Value = value };

    /// <inheritdoc />
    public override string ToString() => Value;
}
