using Tessera.Core.Metrics;

namespace Tessera.Agent.Metrics;

/// <summary>
/// The agent's metrics in Prometheus text (0.0.4): <c>slave/tasks_running</c> becomes
/// <c>tessera_agent_tasks_running</c>, each with its <c># TYPE</c> line.
/// </summary>
internal static class AgentPrometheusText
{
    public const string ContentType = PrometheusFormat.ContentType;

    public static string Write(IEnumerable<AgentMetric> metrics) =>
        PrometheusFormat.Write(metrics.Select(m => new PrometheusSample(Rename(m.Name), m.IsCounter, m.Value)));

    /// <summary><c>slave/</c> becomes <c>agent_</c>, then the shared rules apply.</summary>
    public static string Name(string mesosName) => PrometheusFormat.Name(Rename(mesosName));

    private static string Rename(string mesosName) =>
        mesosName.StartsWith("slave/", StringComparison.Ordinal) ? "agent_" + mesosName["slave/".Length..] : mesosName;
}
