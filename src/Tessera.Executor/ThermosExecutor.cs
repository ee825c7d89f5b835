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

    /// <summary>A running task; <paramref name="LifecyclePort"/> is the port its HTTP lifecycle is served on, when it has one.</summary>
    private sealed record Live(TaskRunner Runner, HttpLifecycleSpec? Lifecycle, int? LifecyclePort)
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
            task = new ThermosBindings(TaskPorts.Of(info), id.Value, _hostname, Environment.UserName)
                .Apply(ThermosTaskReader.Parse(json));
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
            var lifecyclePort = task.Lifecycle is { } lifecycle && ports.TryGetValue(lifecycle.Port, out var h) ? h : (int?)null;
            live = new Live(new TaskRunner(id.Value, task, sandbox, _time, _logs.CreateLogger("Thermos." + task.Name)), task.Lifecycle, lifecyclePort);
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

    /// <summary>
    /// KILL: the HTTP lifecycle when the task has its port (POST the graceful endpoint, wait for the
    /// task to end; POST the shutdown endpoint, wait again), then teardown (SIGTERM, finals, SIGKILL).
    /// </summary>
    private async Task KillAsync(string taskId, Live live)
    {
        if (live is { Lifecycle: { } lifecycle, LifecyclePort: { } port })
        {
            foreach (var (endpoint, wait) in new[] { (lifecycle.GracefulEndpoint, lifecycle.GracefulWait), (lifecycle.ShutdownEndpoint, lifecycle.ShutdownWait) })
            {
                await PostLifecycleAsync(port, endpoint, wait).ConfigureAwait(false);
                if (await EndedWithinAsync(taskId, wait).ConfigureAwait(false)) return;
            }
        }

        live.Runner.Kill();
    }

    /// <summary>Whether the task has ended within <paramref name="wait"/> (checked every 100 ms on the executor's clock).</summary>
    private async Task<bool> EndedWithinAsync(string taskId, TimeSpan wait)
    {
        var until = _time.GetUtcNow() + wait;
        while (true)
        {
            lock (_lock)
            {
                if (!_live.ContainsKey(taskId)) return true;
            }

            if (_time.GetUtcNow() >= until) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, _ct).ConfigureAwait(false);
        }
    }

    private async Task PostLifecycleAsync(int port, string endpoint, TimeSpan wait)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
            timeout.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
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
