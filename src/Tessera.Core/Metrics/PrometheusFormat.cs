using System.Globalization;
using System.Text;

namespace Tessera.Core.Metrics;

/// <summary>One metric as Prometheus sees it: a name already in Mesos form (<c>master/cpus_total</c>), its kind and value.</summary>
public readonly record struct PrometheusSample(string Name, bool IsCounter, double Value);

/// <summary>
/// The Prometheus text exposition format (0.0.4), shared by the master's and the agent's
/// <c>/metrics</c>: each sample gets a <c># TYPE</c> line; names are prefixed <c>tessera_</c> and
/// every character outside <c>[a-zA-Z0-9_:]</c> becomes <c>_</c>.
/// </summary>
public static class PrometheusFormat
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<PrometheusSample> samples)
    {
        var text = new StringBuilder();
        foreach (var sample in samples)
        {
            var name = Name(sample.Name);
            text.Append("# TYPE ").Append(name).Append(' ').Append(sample.IsCounter ? "counter" : "gauge").Append('\n');
            text.Append(name).Append(' ').Append(Value(sample.Value)).Append('\n');
        }
        return text.ToString();
    }

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
