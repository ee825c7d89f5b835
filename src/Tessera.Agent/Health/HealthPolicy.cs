namespace Tessera.Agent.Health;

/// <summary>What the policy knows between two checks.</summary>
/// <param name="ConsecutiveFailures">Failures counted since the last success.</param>
/// <param name="Initializing">No check has passed yet (failures in the grace period are ignored only then).</param>
internal sealed record HealthState(uint ConsecutiveFailures, bool Initializing)
{
    public static HealthState Initial { get; } = new(0, true);
}

/// <summary>Everything a decision depends on: the config, when checking started, and the state so far.</summary>
internal sealed record HealthSnapshot(HealthConfig Config, DateTimeOffset Started, HealthState State);

/// <summary>
/// What to do with one result: the next state; a <c>TASK_RUNNING</c> update with <c>healthy</c> set
/// to <see cref="Report"/> when it is not null; kill the task when <see cref="Kill"/>.
/// </summary>
internal sealed record HealthPlan(HealthState Next, bool? Report, bool Kill, string? Message)
{
    public static HealthPlan Nothing(HealthState state) => new(state, null, false, null);
}

/// <summary>
/// Mesos' health checker as a pure function (src/checks/health_checker.cpp, <c>success()</c> and
/// <c>failure()</c>): the first success, and the first success after failures, report healthy; a
/// failure before the first success and within the grace period (counted from when checking
/// started) is ignored; every other failure counts, reports unhealthy, and once the count reaches
/// <c>consecutive_failures</c> the task is killed. Checks go on at the interval either way.
/// </summary>
internal static class HealthPolicy
{
    public static HealthPlan Decide(HealthSnapshot snapshot, HealthResult result, DateTimeOffset now)
    {
        var state = snapshot.State;
        if (result.Healthy)
        {
            var report = state.Initializing || state.ConsecutiveFailures > 0 ? true : (bool?)null;
            return new HealthPlan(new HealthState(0, false), report, false, null);
        }
        var grace = snapshot.Config.GracePeriod;
        if (state.Initializing && grace > TimeSpan.Zero && now - snapshot.Started <= grace)
            return HealthPlan.Nothing(state);
        var failures = state.ConsecutiveFailures + 1;
        var kill = failures >= snapshot.Config.ConsecutiveFailures;
        var message = $"{snapshot.Config.Type} health check failed {failures} time{(failures == 1 ? "" : "s")} consecutively: {result.Message}";
        return new HealthPlan(state with { ConsecutiveFailures = failures }, false, kill, message);
    }
}
