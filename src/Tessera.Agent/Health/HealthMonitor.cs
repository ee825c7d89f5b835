using Microsoft.Extensions.Logging;
using Tessera.Agent.Tasks;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Health;

/// <summary>
/// Runs the health checks of command tasks the agent supervises, and acts on their results the way
/// Mesos' command executor does (src/launcher/executor.cpp): every verdict the checker reports goes
/// out as <c>TASK_RUNNING</c> with <c>healthy</c> and reason
/// <c>REASON_TASK_HEALTH_CHECK_STATUS_UPDATED</c>; when failures reach <c>consecutive_failures</c>
/// the task is killed, and its terminal <c>TASK_KILLED</c> carries <c>healthy: false</c> (Mesos
/// sets no reason there). Owned by the agent loop: checks run in the background and post results.
/// </summary>
internal sealed partial class HealthMonitor(AgentRuntime rt, ICheckCommandRunner commands, ILogger log)
{
    private readonly Dictionary<(string Framework, string Task), Watch> _watches = [];
    private readonly Lazy<HttpClient> _http = new(HttpChecker.CreateClient);

    private sealed class Watch(HealthConfig config, DateTimeOffset started)
    {
        public HealthConfig Config { get; } = config;
        public DateTimeOffset Started { get; } = started;
        public HealthState State { get; set; } = HealthState.Initial;
        public CancellationTokenSource Stop { get; } = new();
        public bool KilledTask { get; set; }
    }

    public int Watched => _watches.Count;

    /// <summary>Starts checking a task that just reached TASK_RUNNING, if it has a health check.</summary>
    public void Start(AgentTask task)
    {
        if (task.Info.HealthCheck is not { } check) return;
        var key = (task.FrameworkId, task.TaskId);
        var parsed = HealthConfig.From(check);
        if (parsed.Config is not { } config)
        {
            LogInvalid(log, task.TaskId, parsed.Error!);
            return;
        }
        var watch = new Watch(config, rt.Clock.GetUtcNow());
        _watches[key] = watch;
        var checker = Checker(task, check);
        var token = watch.Stop.Token;
        _ = Task.Run(() => HealthCheckLoop.RunAsync(config, checker, rt.Clock, result => rt.Post(r => r.Health.Handle(key, watch, result)), token), CancellationToken.None);
    }

    /// <summary>Stops checking (the task ended). True when a failing health check had the task killed.</summary>
    public bool Stop((string Framework, string Task) key)
    {
        if (!_watches.Remove(key, out var watch)) return false;
        // Not disposed: the background loop may still hold the token; there is no timer to free.
        watch.Stop.Cancel();
        return watch.KilledTask;
    }

    private void Handle((string Framework, string Task) key, Watch watch, HealthResult result)
    {
        if (!_watches.TryGetValue(key, out var current) || current != watch || watch.KilledTask) return;
        // After a kill request Mesos stops checking: no TASK_RUNNING after TASK_KILLING.
        if (!rt.Tasks.TryGetValue(key, out var task) || task.IsTerminal || task.KillRequested) return;
        var plan = HealthPolicy.Decide(new HealthSnapshot(watch.Config, watch.Started, watch.State), result, rt.Clock.GetUtcNow());
        watch.State = plan.Next;
        if (plan.Report is { } healthy)
        {
            LogVerdict(log, task.TaskId, healthy, result.Message);
            rt.Runner.Update(task, TaskState.TASK_RUNNING, TaskStatusReason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED, plan.Message, healthy: healthy);
        }
        if (plan.Kill)
        {
            watch.KilledTask = true;
            watch.Stop.Cancel();
            LogKilling(log, task.TaskId, watch.State.ConsecutiveFailures);
            rt.Runner.Kill(task.FrameworkId, task.TaskId, null);
        }
    }

    private IHealthChecker Checker(AgentTask task, HealthCheck check) => check.Type switch
    {
        CheckType.HTTP => new HttpChecker(_http.Value, HttpChecker.UrlFor(check.Http!.Scheme, check.Http.Protocol == NetworkProtocol.IPv6, check.Http.Port, check.Http.Path), check.Http.Statuses),
        CheckType.TCP => new TcpChecker(check.Tcp!.Protocol == NetworkProtocol.IPv6, check.Tcp.Port),
        _ => new CommandChecker(commands, new CheckCommandRequest(check.Command!, rt.Runner.Environment(task, task.Info.Command!), task.Sandbox, task.Container?.Pid,
            task.Info.Command?.User ?? task.Framework.User, task.Container?.Id)),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "task {TaskId}: health check not started: {Error}")]
    private static partial void LogInvalid(ILogger logger, string taskId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "task {TaskId}: healthy={Healthy} ({Detail})")]
    private static partial void LogVerdict(ILogger logger, string taskId, bool healthy, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "task {TaskId}: killing it after {Failures} consecutive failed health checks")]
    private static partial void LogKilling(ILogger logger, string taskId, uint failures);
}
