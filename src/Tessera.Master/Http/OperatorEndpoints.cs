using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Master.Hosting;
using Tessera.Master.Loop;

namespace Tessera.Master.Http;

/// <summary>Operator-facing endpoints: the v1 Operator API, state JSON, health and metrics.</summary>
internal static class OperatorEndpoints
{
    public static void Map(WebApplication app, MasterLoop loop, ILeadership leadership, MasterOptions options)
    {
        // Mesos answers /health with an empty 200 while the process serves.
        app.MapGet("/health", (HttpContext http) => { http.Response.StatusCode = 200; return Task.CompletedTask; });
    }
}
