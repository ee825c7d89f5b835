namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Label</c>: a key with an optional value.</summary>
public sealed record Label
{
    /// <summary>The key.</summary>
    public required string Key { get; init; }

    /// <summary>The value.</summary>
    public string? Value { get; init; }
}
