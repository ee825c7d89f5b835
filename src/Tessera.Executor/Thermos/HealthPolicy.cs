namespace Tessera.Executor.Thermos;

/// <summary>
/// Aurora's health-check rules, pure: checks every <c>interval_secs</c> from the first process start
/// (the first at once); failures before <c>initial_interval_secs</c> are forgiven until the task is
/// healthy; RUNNING after <c>min_consecutive_successes</c> passes in a row; unhealthy once the
/// counted failures in a row exceed <c>max_consecutive_failures</c>, or (before healthy) when the
/// attempts left of Aurora's budget — ceil(initial/interval) + max failures + min successes — can
/// no longer give the successes needed. Checks go on after RUNNING.
/// </summary>
public static class HealthPolicy
{
    /// <summary>What <paramref name="s"/> calls for at <paramref name="now"/>.</summary>
    public static HealthPlan Decide(HealthSnapshot s, DateTimeOffset now)
    {
        var spec = s.Spec;
        var next = s.Last is { } last ? last.At + spec.Interval : s.StartedAt;
        if (s.ConsecutiveFailures > spec.MaxConsecutiveFailures)
            return new HealthPlan(HealthVerdict.Unhealthy, next,
                $"unhealthy: {s.Check} failed {s.ConsecutiveFailures} time(s) in a row (max_consecutive_failures {spec.MaxConsecutiveFailures}), last: {s.Last?.Detail}");

        if (!s.Healthy && s.ConsecutiveFailures > 0 && s.Last is { Passed: false } failed
            && spec.MinConsecutiveSuccesses - s.ConsecutiveSuccesses > AttemptsToRunning(spec) - s.Attempts)
            return new HealthPlan(HealthVerdict.Unhealthy, next,
                $"unhealthy: {s.Check} did not pass {spec.MinConsecutiveSuccesses} time(s) in a row within {AttemptsToRunning(spec)} attempts, last: {failed.Detail}");

        if (s.Healthy && !s.ReportedRunning) return new HealthPlan(HealthVerdict.ReportRunning, next);
        return new HealthPlan(HealthVerdict.Wait, next > now ? next : now);
    }

    /// <summary>Aurora's budget of attempts to become healthy: the forgiven ones, then max failures + min successes.</summary>
    public static int AttemptsToRunning(HealthCheckSpec spec) =>
        ForgivenAttempts(spec) + spec.MaxConsecutiveFailures + spec.MinConsecutiveSuccesses;

    /// <summary>ceil(initial_interval / interval): the checks that fall within the initial interval.</summary>
    public static int ForgivenAttempts(HealthCheckSpec spec) =>
        spec.Interval <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(spec.InitialInterval / spec.Interval);
}
