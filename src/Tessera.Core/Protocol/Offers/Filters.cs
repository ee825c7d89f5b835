namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Filters</c>: how long not to re-offer declined resources.</summary>
public sealed record Filters
{
    /// <summary>Seconds (default 5, at most 31536000).</summary>
    public double? RefuseSeconds { get; init; }
}
