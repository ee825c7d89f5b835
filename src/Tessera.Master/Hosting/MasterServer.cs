using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Master.Http;
using Tessera.Master.Loop;
using Tessera.Master.Registry;
using Tessera.Master.Snapshots;
using Tessera.Master.State;
using Tessera.State;
using Tessera.State.Registry;

namespace Tessera.Master.Hosting;

/// <summary>
/// A running master: the HTTP server on its address, the loop that owns the state, its timers and
/// its registry. <see cref="StartAsync"/> brings it up; disposing it stops it in order.
/// </summary>
public sealed class MasterServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MasterLoop _loop;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _background = [];
    private Task _loopTask = Task.CompletedTask;
    private readonly IKeyValueStore? _store;
    private readonly SqliteRegistryWriter? _registryWriter;

    private MasterServer(WebApplication app, MasterLoop loop, IKeyValueStore? store, SqliteRegistryWriter? writer)
    {
        _app = app;
        _loop = loop;
        _store = store;
        _registryWriter = writer;
    }

    /// <summary>The address the master listens on (the real port when 0 was asked).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1:5050");

    public string MasterId => _loop.Runtime.Identity.Id;

    internal MasterLoop Loop => _loop;

    public static async Task<MasterServer> StartAsync(MasterOptions options, TimeProvider? clock = null, Random? random = null,
        ILoggerFactory? logs = null, ILeadership? leadership = null, CancellationToken ct = default)
    {
        clock ??= TimeProvider.System;
        logs ??= NullLoggerFactory.Instance;
        Directory.CreateDirectory(options.WorkDir);
        var ids = new IdSource(random ?? new Random());
        var state = new MasterState(options, clock, ids);
        foreach (var (role, weight) in options.Weights) state.Allocator.SetWeight(role, weight);

        IKeyValueStore? store = null;
        SqliteRegistryWriter? writer = null;
        if (options.Registry == "sqlite")
        {
            store = await SqliteKeyValueStore.OpenAsync(Path.Combine(options.WorkDir, "registry.db"), ct);
            var registry = await MasterRegistry.OpenAsync(store, clock, ct);
            var registryLog = logs.CreateLogger("Tessera.Master.Registry");
            foreach (var skipped in RegistryRecovery.Apply(state, await registry.LoadAsync(ct)))
                RegistryLog.Skipped(registryLog, skipped);
            writer = new SqliteRegistryWriter(registry, registryLog);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(logs);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Parse(options.Ip), options.Port);
            k.Limits.MaxRequestBodySize = JsonRequest.MaxBodyBytes;
        });
        var app = builder.Build();
        var hostname = options.Hostname ?? Dns.GetHostName();
        // The identity needs the bound port; start the server first, then fill in the address.
        var runtimeHolder = new MasterRuntimeHolder();
        var loop = Wire(app, options, state, hostname, logs, leadership ?? SoleLeader.Instance, runtimeHolder);
        if (writer is not null) loop.Runtime.Registry = writer;
        var server = new MasterServer(app, loop, store, writer);
        await app.StartAsync(ct);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server.Address = bound;
        runtimeHolder.SetPort(bound.Port);
        server.StartLoopAndTimers(options, clock);
        return server;
    }

    /// <summary>A snapshot with every change made so far (asks the loop).</summary>
    internal Task<MasterSnapshot> SnapshotAsync(CancellationToken ct = default) => _loop.AskAsync(rt => rt.Snapshots.Fresh(), ct);

    /// <summary>Waits until the registry has written what the loop handed it (tests, shutdown).</summary>
    public Task FlushRegistryAsync(CancellationToken ct = default) => _registryWriter?.FlushAsync(ct) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.AskAsync(rt =>
        {
            foreach (var f in rt.State.Frameworks.Values) f.Connection?.Close();
            foreach (var a in rt.State.Agents.Values) a.Connection?.Close();
            return true;
        });
        await _app.StopAsync();
        _loop.Complete();
        await Task.WhenAll(_background.Append(_loopTask).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        if (_registryWriter is not null) await _registryWriter.DisposeAsync();
        if (_store is not null) await _store.DisposeAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private static MasterLoop Wire(WebApplication app, MasterOptions options, MasterState state, string hostname,
        ILoggerFactory logs, ILeadership leadership, MasterRuntimeHolder holder)
    {
        var identity = new MasterIdentity(state.Ids.MasterId, options.Ip, options.Port, hostname);
        var runtime = new MasterRuntime(state, identity, logs.CreateLogger("Tessera.Master"));
        holder.Runtime = runtime;
        var loop = new MasterLoop(runtime, logs.CreateLogger("Tessera.Master.Loop"));
        var scheduler = new SchedulerEndpoint(loop, leadership);
        var agents = new AgentEndpoints(loop, leadership);
        app.MapPost("/api/v1/scheduler", scheduler.Handle);
        app.MapPost("/agent/v1/register", agents.Register);
        app.MapPost("/agent/v1/stream", agents.Stream);
        app.MapPost("/agent/v1/pong", agents.Pong);
        app.MapPost("/agent/v1/status", agents.Status);
        app.MapPost("/agent/v1/statuses", agents.Statuses);
        app.MapPost("/agent/v1/executor-exited", agents.ExecutorExited);
        app.MapPost("/agent/v1/message", agents.Message);
        OperatorEndpoints.Map(app, loop, leadership, options);
        return loop;
    }

    private void StartLoopAndTimers(MasterOptions options, TimeProvider clock)
    {
        var ct = _stop.Token;
        // The loop ends when its inbox is completed (DisposeAsync), not by cancellation: shutdown
        // still asks it to close the streams it owns.
        _loopTask = _loop.RunAsync(CancellationToken.None);
        _background.Add(Ticker.Start(_loop, clock, options.AllocationInterval, rt => rt.Offers.Allocate(), ct));
        _background.Add(Ticker.Start(_loop, clock, options.HeartbeatInterval, rt => rt.Frameworks.Heartbeat(), ct));
        _background.Add(Ticker.Start(_loop, clock, options.AgentPingInterval, rt => rt.Agents.PingAll(), ct));
        var expiry = options.AllocationInterval < TimeSpan.FromSeconds(1) ? options.AllocationInterval : TimeSpan.FromSeconds(1);
        _background.Add(Ticker.Start(_loop, clock, expiry, rt =>
        {
            rt.Frameworks.ExpireFailovers();
            rt.Offers.ExpireOffers();
            rt.Agents.ExpireRecovered();
        }, ct));
    }

    /// <summary>Lets the identity learn the bound port after Kestrel started (port 0 in tests).</summary>
    private sealed class MasterRuntimeHolder
    {
        public MasterRuntime? Runtime { get; set; }

        public void SetPort(int port)
        {
            if (Runtime is { } rt && rt.Identity.Port != port)
                rt.Identity = rt.Identity with { Port = port };
        }
    }
}
