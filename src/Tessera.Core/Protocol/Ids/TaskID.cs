namespace Tessera.Core.Protocol;

/// <summary>The ID of a task; on the wire <c>{"value":"…"}</c>.</summary>
public sealed record TaskID
{
    /// <summary>The ID text.</summary>
    public required string Value { get; init; }

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public static TaskID Of(string value) => new() { Value = value };

    /// <inheritdoc />
    public override string ToString() => Value;
}
