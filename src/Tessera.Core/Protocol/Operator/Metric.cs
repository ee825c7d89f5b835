namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>Metric</c>.</summary>
public sealed record Metric
{
    /// <summary>The metric key.</summary>
    public required string Name { get; init; }

    /// <summary>Its value.</summary>
    public double? Value { get; init; }
}
