using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Master.Hosting;
using Tessera.Master.Loop;
using Tessera.Master.Metrics;
using Tessera.Master.Operator;
using Tessera.Master.Snapshots;

namespace Tessera.Master.Http;

/// <summary>
/// Operator-facing endpoints: the v1 Operator API (<c>POST /api/v1</c>), the v0 state JSON,
/// <c>/master/redirect</c>, <c>/health</c>, <c>/metrics/snapshot</c> and <c>/metrics</c>. Reads are
/// served from the published snapshot and never wait on the master loop (the loop is asked only
/// before the first snapshot exists).
/// </summary>
internal static class OperatorEndpoints
{
    public static void Map(WebApplication app, MasterLoop loop, ILeadership leadership, MasterOptions options)
    {
        var api = new OperatorApi(loop, leadership, options, app.Lifetime);
        var meter = new MasterMeter(() => loop.Runtime.Snapshots.Current, () => loop.Runtime.Snapshots.Counters, () => leadership.IsLeader, loop.Runtime.State.Clock);
        app.Lifetime.ApplicationStopped.Register(meter.Dispose);

        // Mesos answers /health with an empty 200 while the process serves.
        app.MapGet("/health", (HttpContext http) => { http.Response.StatusCode = 200; return Task.CompletedTask; });
        app.MapPost("/api/v1", api.Handle);

        async Task State(HttpContext http, Func<V0StateJson.Context, byte[]> write)
        {
            if (await HttpReplies.RedirectUnlessLeader(http, leadership)) return;
            var snapshot = await Latest(loop, http.RequestAborted);
            var context = new V0StateJson.Context(snapshot, options, leadership.IsLeader, leadership.IsLeader ? snapshot.MasterInfo.Pid : null);
            await HttpReplies.Write(http, CallOutcome.Json(write(context)));
        }

        app.MapGet("/master/state", http => State(http, V0StateJson.State));
        app.MapGet("/master/state.json", http => State(http, V0StateJson.State));
        app.MapGet("/master/state-summary", http => State(http, V0StateJson.Summary));
        app.MapGet("/master/redirect", http => Redirect(http, loop, leadership, ""));
        app.MapGet("/master/redirect/{**rest}", (HttpContext http, string? rest) => Redirect(http, loop, leadership, "/" + rest));

        app.MapGet("/metrics/snapshot", async http =>
        {
            var samples = MetricsMap.Read(new MetricsInput(await LatestWithCounters(loop, http.RequestAborted), leadership.IsLeader, loop.Runtime.State.Clock.GetUtcNow()));
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                foreach (var sample in samples) w.WriteNumber(sample.Name, sample.Value);
                w.WriteEndObject();
            }
            await HttpReplies.Write(http, CallOutcome.Json(buffer.ToArray()));
        });
        app.MapGet("/metrics", async http =>
        {
            var samples = MetricsMap.Read(new MetricsInput(await LatestWithCounters(loop, http.RequestAborted), leadership.IsLeader, loop.Runtime.State.Clock.GetUtcNow()));
            http.Response.StatusCode = 200;
            http.Response.ContentType = PrometheusText.ContentType;
            await http.Response.WriteAsync(PrometheusText.Write(samples), http.RequestAborted);
        });
    }

    /// <summary>The published snapshot; only before the first one is published does this ask the loop.</summary>
    public static async Task<MasterSnapshot> Latest(MasterLoop loop, CancellationToken ct) =>
        loop.Runtime.Snapshots.Current ?? await loop.AskAsync(rt => rt.Snapshots.Fresh(), ct);

    /// <summary>The published snapshot with the counters as of the latest batch.</summary>
    private static async Task<MasterSnapshot> LatestWithCounters(MasterLoop loop, CancellationToken ct)
    {
        var snapshot = await Latest(loop, ct);
        return loop.Runtime.Snapshots.Counters is { } counters ? snapshot with { Counters = counters } : snapshot;
    }

    /// <summary>
    /// <c>/master/redirect</c>: 307 to the leading master (<c>//host:port</c> plus the rest of the path,
    /// as Mesos), to ourselves when we lead; 503 when no leader is known.
    /// </summary>
    private static async Task Redirect(HttpContext http, MasterLoop loop, ILeadership leadership, string rest)
    {
        string authority;
        if (leadership.IsLeader)
        {
            var info = (await Latest(loop, http.RequestAborted)).MasterInfo;
            authority = $"{info.Hostname ?? info.Address?.Ip}:{info.Port}";
        }
        else if (leadership.Leader is { } leader)
        {
            authority = leader.Authority;
        }
        else
        {
            await HttpReplies.Write(http, new CallOutcome(StatusCodes.Status503ServiceUnavailable, "no leading master is known"));
            return;
        }
        http.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        http.Response.Headers.Location = $"//{authority}{(rest.Length == 0 ? "" : rest)}";
    }
}
