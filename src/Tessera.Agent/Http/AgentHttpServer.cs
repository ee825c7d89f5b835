using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tessera.Agent.Http;

/// <summary>
/// The agent's HTTP server (Kestrel on <c>--ip:--port</c>, 127.0.0.1 by default). Endpoint groups
/// live in their own files and are mapped here: <c>/health</c>; more come from
/// <see cref="AgentEndpointGroups"/>. Port 0 binds a free port; <see cref="Address"/> tells which.
/// </summary>
internal sealed class AgentHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgentHttpServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<AgentHttpServer> StartAsync(AgentRuntime rt, ILoggerFactory logs, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(logs);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Parse(rt.Options.Ip), rt.Options.Port);
            k.Limits.MaxRequestBodySize = AgentJsonRequest.MaxBodyBytes;
        });
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok());
        AgentEndpointGroups.Map(app, rt);
        await app.StartAsync(ct);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new AgentHttpServer(app, bound);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
