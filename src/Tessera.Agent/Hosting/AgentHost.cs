using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Agent.Checkpoint;
using Tessera.Agent.Containerizer;
using Tessera.Agent.MasterLink;
using Tessera.Agent.Resources;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Agent.Hosting;

/// <summary>
/// A running agent: its loop, the session that keeps it registered with the master, and the
/// sender of status updates. <see cref="StartAsync"/> brings it up; disposing stops it and kills
/// the tasks it runs (task recovery across agent restarts comes with checkpointing of tasks).
/// </summary>
public sealed partial class AgentHost : IAsyncDisposable
{
    private readonly AgentRuntime _runtime;
    private readonly HttpClient _http;
    private readonly MasterSession _session;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _background = [];
    private readonly ILogger _log;

    private readonly Http.AgentHttpServer _server;

    private AgentHost(AgentRuntime runtime, Http.AgentHttpServer server, HttpClient http, MasterSession session, ILogger log)
    {
        _runtime = runtime;
        _server = server;
        _http = http;
        _session = session;
        _log = log;
    }

    public string? AgentId => _runtime.AgentId;

    /// <summary>Where the agent's HTTP server listens (the real port when 0 was asked).</summary>
    public Uri Address => _server.Address;

    public ResourceSet Total => _runtime.Total;

    /// <summary>The isolation in use, e.g. "cgroups v1 (cpu, memory, …) + namespaces (pid, mount, ipc, uts)" or "plain processes (why)".</summary>
    public string Isolation => _runtime.Containerizer.Isolation;

    internal AgentRuntime Runtime => _runtime;

    public static async Task<AgentHost> StartAsync(AgentOptions options, TimeProvider? clock = null, Random? random = null, ILoggerFactory? logs = null, CancellationToken ct = default)
    {
        clock ??= TimeProvider.System;
        logs ??= NullLoggerFactory.Instance;
        var log = logs.CreateLogger("Tessera.Agent");
        Directory.CreateDirectory(options.WorkDir);
        var total = ResourceDetector.Detect(options.WorkDir, options.Resources);
        var containerizer = ContainerizerFactory.Create(Agent.Isolation.IsolationConfig.Parse(options.Isolation), options.WorkDir, options.CgroupsEnableCfs);
        var runtime = new AgentRuntime(options, total, containerizer, clock, random ?? new Random(), log);
        var server = await Http.AgentHttpServer.StartAsync(runtime, logs, ct);
        runtime.Endpoint = server.Address;
        var http = new HttpClient { BaseAddress = options.Master, Timeout = Timeout.InfiniteTimeSpan };
        var attributes = AttributeText.Parse(options.Attributes);
        var hostname = options.Hostname ?? Dns.GetHostName();
        runtime.Describe = () => new AgentInfo { Hostname = hostname, Port = server.Address.Port, Resources = ResourceWireForm.ToWire(runtime.Total), Attributes = attributes.Count > 0 ? attributes : null };
        var session = new MasterSession(runtime, new MasterClient(http), new AgentCheckpoint(options.WorkDir), runtime.Describe, log);
        var host = new AgentHost(runtime, server, http, session, log);
        host._background.Add(runtime.RunAsync());
        host._background.Add(session.RunAsync(host._stop.Token));
        host._background.Add(host.SendUpdatesAsync(new MasterClient(http), host._stop.Token));
        host._background.Add(new Executors.ExecutorNoticeSender(runtime.Executors, new MasterClient(http), clock, log).RunAsync(host._stop.Token));
        LogStarted(log, total.ToString(), containerizer.Isolation);
        return host;
    }

    /// <summary>Completes once the agent has registered the first time.</summary>
    public Task Registered => _session.Registered.Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        var executors = await _runtime.AskAsync(rt => { rt.Runner.KillFramework("*"); return rt.Executors.StopAll(); });
        await Task.WhenAll(_runtime.Tasks.Values.Where(t => t.Container is not null).Select(t => (Task)t.Container!.Exited).Concat(executors))
            .WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        await _server.DisposeAsync();
        _runtime.Complete();
        await Task.WhenAll(_background.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _http.Dispose();
        _stop.Dispose();
    }

    /// <summary>Sends what is due (new updates and retries) every 50 ms, together in one request.</summary>
    private async Task SendUpdatesAsync(MasterClient client, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50), _runtime.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var due = await _runtime.AskAsync(rt => rt.AgentId is null ? [] : rt.Updates.Due(rt.Clock.GetUtcNow()), ct);
                foreach (var chunk in due.Chunk(1000))
                {
                    try
                    {
                        await client.SendStatusesAsync(chunk, ct);
                    }
                    catch (HttpRequestException e)
                    {
                        // Kept: the manager sends it again after its backoff.
                        LogSendFailed(_log, e.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "agent resources {Resources}; isolation: {Isolation}")]
    private static partial void LogStarted(ILogger logger, string resources, string isolation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sending status updates failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string reason);
}
