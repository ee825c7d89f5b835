using System.Globalization;
using System.Text;

namespace Tessera.Agent.Metrics;

/// <summary>
/// The Prometheus text format (0.0.4) of the agent's metrics: <c>slave/tasks_running</c> becomes
/// <c>tessera_agent_tasks_running</c>, each with its <c># TYPE</c> line.
/// </summary>
internal static class AgentPrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<AgentMetric> metrics)
    {
        var text = new StringBuilder();
        foreach (var metric in metrics)
        {
            var name = Name(metric.Name);
            text.Append("# TYPE ").Append(name).Append(' ').Append(metric.IsCounter ? "counter" : "gauge").Append('\n');
            text.Append(name).Append(' ').Append(Value(metric.Value)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary><c>slave/</c> becomes <c>agent_</c>, the whole is prefixed <c>tessera_</c>, and anything outside <c>[a-zA-Z0-9_:]</c> becomes <c>_</c>.</summary>
    public static string Name(string mesosName)
    {
        var rest = mesosName.StartsWith("slave/", StringComparison.Ordinal) ? "agent_" + mesosName["slave/".Length..] : mesosName;
        var name = new StringBuilder("tessera_", rest.Length + 8);
        foreach (var c in rest)
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        return name.ToString();
    }

    private static string Value(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
