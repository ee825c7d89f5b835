using Tessera.Core.Metrics;

namespace Tessera.Master.Metrics;

/// <summary>The master's metrics in Prometheus text: <c>master/cpus_total</c> becomes <c>tessera_master_cpus_total</c>.</summary>
internal static class PrometheusText
{
    public const string ContentType = PrometheusFormat.ContentType;

    public static string Write(IEnumerable<MetricSample> samples) =>
        PrometheusFormat.Write(samples.Select(s => new PrometheusSample(s.Name, s.Kind == MetricKind.Counter, s.Value)));

    public static string Name(string mesosName) => PrometheusFormat.Name(mesosName);
}
