using Microsoft.Extensions.Logging;

namespace Tessera.Executor.Thermos;

/// <summary>
/// Runs a task's health checks: checks when <see cref="HealthPolicy.Decide"/> says the next one is
/// due (a <c>.healthchecksnooze</c> file in the sandbox makes a check pass without running it, as in
/// Aurora), records each result and acts on the verdict: reports RUNNING once healthy, and calls
/// <c>unhealthy</c> (then stops) when the task is unhealthy.
/// </summary>
public sealed partial class HealthMonitor(IHealthCheck check, HealthCheckSpec spec, string sandbox, TimeProvider time, ILogger log)
{
    /// <summary>The file that suspends health checks while it exists.</summary>
    public const string SnoozeFile = ".healthchecksnooze";

    /// <summary>Checks until the task is unhealthy or <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> reportRunning, Action<string> unhealthy, CancellationToken ct)
    {
        var s = HealthSnapshot.Start(spec, check.Name, time.GetUtcNow());
        while (true)
        {
            var now = time.GetUtcNow();
            var plan = HealthPolicy.Decide(s, now);
            switch (plan.Verdict)
            {
                case HealthVerdict.ReportRunning:
                    LogHealthy(check.Name, s.ConsecutiveSuccesses);
                    await reportRunning(ct).ConfigureAwait(false);
                    s = s.Reported();
                    continue;
                case HealthVerdict.Unhealthy:
                    LogUnhealthy(plan.Message ?? "unhealthy");
                    unhealthy(plan.Message ?? "unhealthy");
                    return;
            }

            if (plan.NextCheckAt > now) await Task.Delay(plan.NextCheckAt - now, time, ct).ConfigureAwait(false);
            HealthCheckResult result;
            if (File.Exists(Path.Combine(sandbox, SnoozeFile)))
            {
                result = new HealthCheckResult(time.GetUtcNow(), true, "snoozed by " + SnoozeFile, Snoozed: true);
            }
            else
            {
                var (passed, detail) = await check.CheckAsync(spec.Timeout, ct).ConfigureAwait(false);
                result = new HealthCheckResult(time.GetUtcNow(), passed, detail);
            }

            if (!result.Passed) LogFailed(check.Name, result.Detail);
            s = s.Record(result);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Check}: healthy after {Successes} success(es)")]
    private partial void LogHealthy(string check, int successes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Check} failed: {Detail}")]
    private partial void LogFailed(string check, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}: killing the task")]
    private partial void LogUnhealthy(string message);
}
