namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Parameter</c>: a key/value pair.</summary>
public sealed record Parameter
{
    /// <summary>The key.</summary>
    public required string Key { get; init; }

    /// <summary>The value.</summary>
    public required string Value { get; init; }
}
