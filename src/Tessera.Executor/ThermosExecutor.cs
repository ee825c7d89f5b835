using System.Text;
using Microsoft.Extensions.Logging;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;
using Tessera.Executor.ExecutorApi;
using Tessera.Executor.Thermos;

namespace Tessera.Executor;

/// <summary>
/// The process-tree executor: each LAUNCHed task's data is a Thermos task (JSON); a
/// <see cref="TaskRunner"/> runs it and its progress becomes status updates (STARTING, RUNNING,
/// then FINISHED, FAILED or KILLED). The executor ends once no task is left and their last updates
/// were taken by the agent.
/// </summary>
public sealed partial class ThermosExecutor : IExecutorHandler
{
    /// <summary>Waits of the HTTP lifecycle (Aurora's defaults).</summary>
    public static readonly TimeSpan LifecycleWait = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Live> _live = new(StringComparer.Ordinal);
    private readonly ExecutorSettings _settings;
    private readonly ExecutorDriver _driver;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _logs;
    private readonly ILogger _log;
    private readonly HttpClient _http;
    private readonly CancellationToken _ct;
    private string? _hostname;
    private bool _rootUsed;
    private bool _shuttingDown;

    /// <summary>An executor that reports through <paramref name="driver"/>.</summary>
    public ThermosExecutor(ExecutorSettings settings, ExecutorDriver driver, HttpClient http, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        _settings = settings;
        _driver = driver;
        _http = http;
        _time = time;
        _logs = logs;
        _log = logs.CreateLogger<ThermosExecutor>();
        _ct = ct;
    }

    private sealed record Live(TaskRunner Runner, int? HealthPort)
    {
        public bool KillRequested { get; set; }
    }

    /// <inheritdoc />
    public void Subscribed(ExecutorSubscribedEvent subscribed) => _hostname = subscribed.AgentInfo.Hostname;

    /// <inheritdoc />
    public void Launch(TaskInfo task)
    {
        lock (_lock)
        {
            if (_live.ContainsKey(task.TaskId.Value)) return; // a LAUNCH again after resubscribing
        }

        _ = RunTaskAsync(task);
    }

    /// <inheritdoc />
    public void Kill(TaskID taskId)
    {
        Live? live;
        lock (_lock)
        {
            if (!_live.TryGetValue(taskId.Value, out live) || live.KillRequested) return;
            live.KillRequested = true;
        }

        _ = KillAsync(taskId.Value, live);
    }

    /// <inheritdoc />
    public void Shutdown()
    {
        List<(string, Live)> all;
        lock (_lock)
        {
            _shuttingDown = true;
            all = [.. _live.Where(kv => !kv.Value.KillRequested).Select(kv => (kv.Key, kv.Value))];
            foreach (var (_, live) in all) live.KillRequested = true;
            if (_live.Count == 0) _driver.Stop();
        }

        foreach (var (id, live) in all) _ = KillAsync(id, live);
    }

    private async Task RunTaskAsync(TaskInfo info)
    {
        var id = info.TaskId;
        ThermosTask task;
        try
        {
            var json = info.Data is null ? throw new ThermosConfigException("data", "the task has no data: expected the Thermos task as JSON") : Encoding.UTF8.GetString(info.Data.Span);
            task = new ThermosBindings(TaskPorts.Of(info), id.Value, _hostname).Apply(ThermosTaskReader.Parse(json));
        }
        catch (ThermosConfigException ex)
        {
            LogInvalid(id.Value, ex.Message);
            await _driver.UpdateAsync(id, TaskState.TASK_FAILED, "invalid Thermos task: " + ex.Message, TaskStatusReason.REASON_TASK_INVALID, _ct).ConfigureAwait(false);
            EndIfIdle();
            return;
        }

        string sandbox;
        Live live;
        IHealthCheck? check;
        lock (_lock)
        {
            sandbox = _rootUsed ? Path.Combine(_settings.Sandbox, "tasks", id.Value) : _settings.Sandbox;
            _rootUsed = true;
            Directory.CreateDirectory(sandbox);
            var ports = TaskPorts.Of(info);
            check = HealthChecks.For(task.HealthCheck, ports, sandbox, _http);
            live = new Live(new TaskRunner(id.Value, task, sandbox, _time, _logs.CreateLogger("Thermos." + task.Name)), ports.TryGetValue("health", out var h) ? h : null);
            _live[id.Value] = live;
        }

        await _driver.UpdateAsync(id, TaskState.TASK_STARTING, null, null, _ct).ConfigureAwait(false);
        var run = live.Runner.RunAsync(_ct);
        using var stopChecks = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var checks = Task.CompletedTask;
        if (await Task.WhenAny(live.Runner.FirstStarted, run).ConfigureAwait(false) != run)
        {
            if (check is null)
                await _driver.UpdateAsync(id, TaskState.TASK_RUNNING, null, null, _ct).ConfigureAwait(false);
            else
                checks = CheckHealthAsync(id, live.Runner, check, task.HealthCheck!, sandbox, stopChecks.Token);
        }

        TaskResult result;
        try
        {
            result = await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            await stopChecks.CancelAsync().ConfigureAwait(false);
            await checks.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var (state, reason) = live.KillRequested
            ? (TaskState.TASK_KILLED, (TaskStatusReason?)null)
            : result.Outcome switch
            {
                TaskOutcome.Succeeded => (TaskState.TASK_FINISHED, (TaskStatusReason?)null),
                TaskOutcome.Killed => (TaskState.TASK_KILLED, null),
                _ => (TaskState.TASK_FAILED, null),
            };
        lock (_lock) _live.Remove(id.Value);
        await _driver.UpdateAsync(id, state, result.Message, reason, _ct).ConfigureAwait(false);
        EndIfIdle();
    }

    /// <summary>
    /// Aurora's health checking: TASK_RUNNING (healthy) once the checks pass; an unhealthy task is
    /// torn down and ends TASK_FAILED with the reason (a KILL that came first wins).
    /// </summary>
    private Task CheckHealthAsync(TaskID id, TaskRunner runner, IHealthCheck check, HealthCheckSpec spec, string sandbox, CancellationToken ct) =>
        new HealthMonitor(check, spec, sandbox, _time, _logs.CreateLogger("Thermos.Health")).RunAsync(
            async token => await _driver.UpdateAsync(id, TaskState.TASK_RUNNING, null, null, true, token).ConfigureAwait(false),
            runner.Fail,
            ct);

    /// <summary>KILL: the HTTP lifecycle when the task has a <c>health</c> port, then teardown (SIGTERM, finals, SIGKILL).</summary>
    private async Task KillAsync(string taskId, Live live)
    {
        var run = live.Runner;
        if (live.HealthPort is { } port)
        {
            foreach (var endpoint in new[] { "/quitquitquit", "/abortabortabort" })
            {
                await PostLifecycleAsync(port, endpoint).ConfigureAwait(false);
                bool ended;
                lock (_lock) ended = !_live.ContainsKey(taskId);
                if (ended) return;
                await Task.Delay(LifecycleWait, _time, _ct).ConfigureAwait(false);
            }
        }

        run.Kill();
    }

    private async Task PostLifecycleAsync(int port, string endpoint)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
            timeout.CancelAfter(LifecycleWait);
            using var response = await _http.PostAsync(new Uri($"http://127.0.0.1:{port}{endpoint}"), null, timeout.Token).ConfigureAwait(false);
            LogLifecycle(endpoint, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            LogLifecycle(endpoint, 0);
        }
    }

    private void EndIfIdle()
    {
        lock (_lock)
        {
            if (_live.Count > 0) return;
        }

        _ = StopSoonAsync();
    }

    /// <summary>Gives the framework a moment to acknowledge the last updates (the agent holds them anyway), then ends the executor.</summary>
    private async Task StopSoonAsync()
    {
        var deadline = _time.GetUtcNow() + TimeSpan.FromSeconds(2);
        while (_driver.Ledger.HasUnacknowledged && _time.GetUtcNow() < deadline && !_shuttingDown)
            await Task.Delay(TimeSpan.FromMilliseconds(50), _time, _ct).ConfigureAwait(false);
        lock (_lock)
        {
            if (_live.Count > 0) return;
        }

        _driver.Stop();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "task {Task}: invalid Thermos task: {Error}")]
    private partial void LogInvalid(string task, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP lifecycle {Endpoint}: {Status}")]
    private partial void LogLifecycle(string endpoint, int status);
}
