namespace Tessera.Core.Protocol;

/// <summary>The ID of an offer or inverse offer; on the wire <c>{"value":"…"}</c>.</summary>
public sealed record OfferID
{
    /// <summary>The ID text.</summary>
    public required string Value { get; init; }

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public static OfferID Of(string value) => new() { Value = value };

    /// <inheritdoc />
    public override string ToString() => Value;
}
