namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.GetMetrics</c>.</summary>
public sealed record GetMetricsCall
{
    /// <summary>How long to wait for slow metrics.</summary>
    public DurationInfo? Timeout { get; init; }
}
