namespace Tessera.Master.Metrics;

/// <summary>Whether a metric only ever grows (a counter) or goes up and down (a gauge).</summary>
internal enum MetricKind
{
    Gauge,
    Counter,
}
