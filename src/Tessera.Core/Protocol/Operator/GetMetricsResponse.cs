namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetMetrics</c>.</summary>
public sealed record GetMetricsResponse
{
    /// <summary>The metrics.</summary>
    public IReadOnlyList<Metric>? Metrics { get; init; }
}
