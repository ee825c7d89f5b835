namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>WeightInfo</c>.</summary>
public sealed record WeightInfo
{
    /// <summary>The weight.</summary>
    public required double Weight { get; init; }

    /// <summary>The role.</summary>
    public string? Role { get; init; }
}
