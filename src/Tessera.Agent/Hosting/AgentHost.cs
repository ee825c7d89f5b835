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
/// the tasks it runs (<see cref="StopAsync"/> can leave those of checkpointing frameworks running).
/// </summary>
public sealed partial class AgentHost : IAsyncDisposable
{
    private readonly AgentRuntime _runtime;
    private readonly HttpClient _http;
    private readonly MasterSession _session;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _background = [];
    private readonly ILogger _log;
    private bool _stopped;

    /// <summary>The runtime directory the agent chose itself (null when <c>--runtime-dir</c> gave one): removed at a stop that leaves nothing in it.</summary>
    private string? _ownRuntimeDir;

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
        // Sandboxes, checkpoints and the launcher's status files are handed to processes that run
        // elsewhere (the sandbox is their working directory): every path must be absolute.
        options = options with { WorkDir = Path.GetFullPath(options.WorkDir) };
        var log = logs.CreateLogger("Tessera.Agent");
        Directory.CreateDirectory(options.WorkDir);
        var detection = await ResourceDetector.DetectAsync(options.WorkDir, options.Resources, options.DefaultRole, options.DetectionCommands ?? new PathCommandRunner(), ct);
        var total = detection.Total;
        var runtimeDir = RuntimeDirectory.Resolve(options.WorkDir, options.RuntimeDir);
        var containerizer = ContainerizerFactory.Create(Agent.Isolation.IsolationConfig.Parse(options.Isolation), options.WorkDir, options.CgroupsEnableCfs,
            runtimeDir: runtimeDir);
        var runtime = new AgentRuntime(options, total, containerizer, clock, random ?? new Random(), log);
        var server = await Http.AgentHttpServer.StartAsync(runtime, logs, ct);
        runtime.Endpoint = server.Address;
        var http = new HttpClient { BaseAddress = options.Master, Timeout = Timeout.InfiniteTimeSpan };
        var attributes = AttributeText.Parse(options.Attributes);
        var hostname = options.Hostname ?? Dns.GetHostName();
        runtime.Describe = () => new AgentInfo { Hostname = hostname, Port = server.Address.Port, Resources = ResourceWireForm.ToWire(runtime.Total), Attributes = attributes.Count > 0 ? attributes : null };
        var session = new MasterSession(runtime, new MasterClient(http), new AgentCheckpoint(options.WorkDir), runtime.Describe, log);
        var host = new AgentHost(runtime, server, http, session, log) { _ownRuntimeDir = options.RuntimeDir is null ? runtimeDir : null };
        host._background.Add(runtime.RunAsync());
        var checkpointedId = new AgentCheckpoint(options.WorkDir).LoadAgentId();
        var recovered = await runtime.AskAsync(rt =>
        {
            // Updates made during recovery carry the id the agent will re-register with.
            rt.AgentId ??= checkpointedId;
            return Recovery.AgentRecovery.Run(rt, cleanup: options.Recover == "cleanup");
        }, ct);
        LogRecovered(log, recovered.Reattached, recovered.EndedWhileAway, recovered.Resent, recovered.Killed);
        foreach (var path in recovered.Unreadable) LogUnreadable(log, path);
        if (await runtime.AskAsync(rt => rt.Containerizer.RemoveOrphanCgroups(rt.Clock.GetUtcNow()), ct) is { } orphans)
            LogOrphanCgroups(log, orphans.Removed, orphans.LeftWithProcesses, orphans.LeftYoung);
        // Sandboxes and container records on disk that no recovered task or executor owns: aged from their mtime.
        var onDisk = Gc.SandboxScan.Find(options.WorkDir);
        var toCollect = await runtime.AskAsync(rt => rt.Gc.ScheduleUnknown(onDisk,
            rt.Tasks.Values.Select(t => t.Sandbox).Concat(rt.Executors.All.Select(e => e.Sandbox))), ct);
        LogGcScheduled(log, toCollect, Core.Flags.DurationText.Format(options.GcDelay));
        host._background.Add(session.RunAsync(host._stop.Token));
        host._background.Add(host.SendUpdatesAsync(new MasterClient(http), host._stop.Token));
        host._background.Add(new Executors.ExecutorNoticeSender(runtime.Executors, new MasterClient(http), clock, log).RunAsync(host._stop.Token));
        host._background.Add(Gc.SandboxGcLoop.For(runtime, log).RunAsync(host._stop.Token));
        LogStarted(log, total.ToString(), detection.Detected.Count == 0 ? "none" : string.Join(", ", detection.Detected), containerizer.Isolation);
        return host;
    }

    /// <summary>Completes once the agent has registered the first time.</summary>
    public Task Registered => _session.Registered.Task;

    /// <summary>
    /// Stops the agent. Tasks and executors of checkpointing frameworks keep running when
    /// <paramref name="killCheckpointed"/> is false (what SIGTERM to <c>tessera agent</c> does: the
    /// next start with the same work dir re-attaches to them); every other task and executor is killed.
    /// Returns how many tasks were left running.
    /// </summary>
    public async Task<int> StopAsync(bool killCheckpointed = true)
    {
        if (_stopped) return 0;
        _stopped = true;
        await _stop.CancelAsync();
        var (ending, executors, kept) = await _runtime.AskAsync(rt =>
        {
            var killed = rt.Tasks.Values.Where(t => !t.IsTerminal && (killCheckpointed || t.Framework.Checkpoint != true)).ToList();
            foreach (var task in killed) rt.Runner.Kill(task.FrameworkId, task.TaskId, null);
            var kept = rt.Tasks.Values.Count(t => !t.IsTerminal) - killed.Count;
            // Executors of checkpointing frameworks keep running too; they subscribe again to the next run.
            var (executors, keptByExecutors) = rt.Executors.StopAll(killCheckpointed);
            return (killed.Where(t => t.Container is not null).Select(t => (Task)t.Container!.Exited).ToList(), executors, kept + keptByExecutors);
        });
        await Task.WhenAll(ending.Concat(executors)).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        await _server.DisposeAsync();
        _runtime.Complete();
        await Task.WhenAll(_background.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _http.Dispose();
        if (kept == 0 && _ownRuntimeDir is not null) RuntimeDirectory.RemoveIfUnused(_ownRuntimeDir);
        return kept;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(killCheckpointed: true);
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
                // Before the first registration the master would refuse them (403), and the retry backoff would hold them back.
                if (!_session.Registered.Task.IsCompleted) continue;
                // Stamped with the id the agent has now: an update made before a re-registration under a new id still lands.
                var due = await _runtime.AskAsync(rt => rt.AgentId is not { } id ? [] : rt.Updates.Due(rt.Clock.GetUtcNow()).Select(u => u.AgentId.Value == id ? u : u with { AgentId = AgentID.Of(id) }).ToList(), ct);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "recovery: {Reattached} container(s) re-attached, {Ended} ended while the agent was down, {Resent} update(s) to resend, {Killed} container(s) killed")]
    private static partial void LogRecovered(ILogger logger, int reattached, int ended, int resent, int killed);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "recovery: removed {Removed} empty cgroup(s) of containers no checkpoint knows; " +
            "left {Busy} with processes in them and {Young} younger than a minute (another agent's)")]
    private static partial void LogOrphanCgroups(ILogger logger, int removed, int busy, int young);

    [LoggerMessage(Level = LogLevel.Error, Message = "recovery: cannot read the checkpoint {Path}; that task is not recovered")]
    private static partial void LogUnreadable(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "agent resources {Resources} (detected: {Detected}); isolation: {Isolation}")]
    private static partial void LogStarted(ILogger logger, string resources, string detected, string isolation);

    [LoggerMessage(Level = LogLevel.Information, Message = "gc: {Count} sandbox(es) or container record(s) on disk belong to no known task; removed once older than {Delay} (sooner when the disk fills up)")]
    private static partial void LogGcScheduled(ILogger logger, int count, string delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sending status updates failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string reason);
}
