namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>Flag</c>.</summary>
public sealed record Flag
{
    /// <summary>The flag.</summary>
    public required string Name { get; init; }

    /// <summary>Its value.</summary>
    public string? Value { get; init; }
}
