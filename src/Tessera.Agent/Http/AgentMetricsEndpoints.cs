using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Agent.Metrics;
using Tessera.Agent.Operator;

namespace Tessera.Agent.Http;

/// <summary><c>GET /metrics/snapshot</c> (flat JSON under Mesos' <c>slave/…</c> names) and <c>GET /metrics</c> (Prometheus text, <c>tessera_agent_…</c>).</summary>
internal static class AgentMetricsEndpoints
{
    public static void Map(WebApplication app, AgentRuntime rt)
    {
        app.MapGet("/metrics/snapshot", async http =>
        {
            var metrics = AgentMetricsMap.Read(await rt.AskAsync(AgentSnapshot.Take, http.RequestAborted));
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                foreach (var metric in metrics) w.WriteNumber(metric.Name, metric.Value);
                w.WriteEndObject();
            }
            await AgentReplies.Json(http, buffer.ToArray());
        });
        app.MapGet("/metrics", async http =>
        {
            var metrics = AgentMetricsMap.Read(await rt.AskAsync(AgentSnapshot.Take, http.RequestAborted));
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = AgentPrometheusText.ContentType;
            await http.Response.WriteAsync(AgentPrometheusText.Write(metrics), http.RequestAborted);
        });
    }
}
