using System.Globalization;
using System.Text;

namespace Tessera.Master.Metrics;

/// <summary>
/// The Prometheus text exposition format (0.0.4) of the metrics: <c>master/cpus_total</c> becomes
/// <c>tessera_master_cpus_total</c>, each with its <c># TYPE</c> line.
/// </summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricSample> samples)
    {
        var text = new StringBuilder();
        foreach (var sample in samples)
        {
            var name = Name(sample.Name);
            text.Append("# TYPE ").Append(name).Append(' ').Append(sample.Kind == MetricKind.Counter ? "counter" : "gauge").Append('\n');
            text.Append(name).Append(' ').Append(Value(sample.Value)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Prefixed <c>tessera_</c>; every character outside <c>[a-zA-Z0-9_:]</c> becomes <c>_</c>.</summary>
    public static string Name(string mesosName)
    {
        var name = new StringBuilder("tessera_", mesosName.Length + 8);
        foreach (var c in mesosName)
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        return name.ToString();
    }

    private static string Value(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
