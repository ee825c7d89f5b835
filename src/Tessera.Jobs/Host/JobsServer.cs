using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tessera.Jobs.Api;

namespace Tessera.Jobs.Host;

/// <summary>
/// <c>tessera jobs</c>: the <see cref="JobsScheduler"/> and its REST API on its own Kestrel
/// (127.0.0.1:8081 by default; port 0 picks a free one, see <see cref="Address"/>).
/// </summary>
public sealed class JobsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private JobsServer(WebApplication app, JobsScheduler scheduler, Uri address)
    {
        _app = app;
        Scheduler = scheduler;
        Address = address;
    }

    public const int DefaultPort = 8081;

    public JobsScheduler Scheduler { get; }

    /// <summary>Where the API listens (the real port when 0 was asked).</summary>
    public Uri Address { get; }

    public static async Task<JobsServer> StartAsync(JobsSchedulerOptions options, string ip = "127.0.0.1", int port = DefaultPort,
        TimeProvider? time = null, ILoggerFactory? logs = null, CancellationToken ct = default)
    {
        var scheduler = await JobsScheduler.StartAsync(options, time, logs, ct: ct);
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(ip), port));
            var app = builder.Build();
            JobsEndpoints.Map(app, scheduler);
            await app.StartAsync(ct);
            var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            return new JobsServer(app, scheduler, bound);
        }
        catch
        {
            await scheduler.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Scheduler.DisposeAsync();
    }
}
