using Tessera.Executor.Thermos;

namespace Tessera.Executor.Tests.Thermos;

/// <summary><see cref="HealthPolicy.Decide"/> on a fake clock: Aurora's counting of health checks.</summary>
public sealed class HealthPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static HealthSnapshot Start(double initial = 15, double interval = 10, int maxFailures = 0, int minSuccesses = 1) =>
        HealthSnapshot.Start(new HealthCheckSpec
        {
            InitialInterval = TimeSpan.FromSeconds(initial),
            Interval = TimeSpan.FromSeconds(interval),
            MaxConsecutiveFailures = maxFailures,
            MinConsecutiveSuccesses = minSuccesses,
        }, "HTTP health check GET http://127.0.0.1:1/health", T0);

    private static HealthSnapshot Check(HealthSnapshot s, double at, bool passed) =>
        s.Record(new HealthCheckResult(T0.AddSeconds(at), passed, passed ? "status 200" : "status 500"));

    private static HealthPlan Decide(HealthSnapshot s, double now) => HealthPolicy.Decide(s, T0.AddSeconds(now));

    [Fact]
    public void The_first_check_is_due_at_once_and_the_next_an_interval_after_the_last()
    {
        var s = Start();
        Assert.Equal(new HealthPlan(HealthVerdict.Wait, T0), Decide(s, 0));
        s = Check(s, 0.5, false);
        Assert.Equal(new HealthPlan(HealthVerdict.Wait, T0.AddSeconds(10.5)), Decide(s, 1));
    }

    [Fact]
    public void Failures_within_the_initial_interval_are_forgiven_and_a_pass_then_reports_running_once()
    {
        var s = Check(Check(Start(), 0, false), 10, false);
        Assert.Equal(HealthVerdict.Wait, Decide(s, 10).Verdict);
        Assert.Equal(0, s.ConsecutiveFailures);

        s = Check(s, 20, true);
        Assert.Equal(HealthVerdict.ReportRunning, Decide(s, 20).Verdict);
        Assert.Equal(HealthVerdict.Wait, Decide(s.Reported(), 20).Verdict);
    }

    [Fact]
    public void With_max_consecutive_failures_0_the_first_counted_failure_is_unhealthy()
    {
        var s = Check(Check(Check(Start(), 0, false), 10, false), 20, false);
        var plan = Decide(s, 20);
        Assert.Equal(HealthVerdict.Unhealthy, plan.Verdict);
        Assert.Contains("HTTP health check GET http://127.0.0.1:1/health failed 1 time(s) in a row (max_consecutive_failures 0)", plan.Message);
        Assert.Contains("status 500", plan.Message);
    }

    [Fact]
    public void Max_consecutive_failures_are_tolerated_and_one_more_is_unhealthy()
    {
        var s = Start(initial: 0, interval: 1, maxFailures: 2);
        s = Check(Check(s, 0, false), 1, false);
        Assert.Equal(HealthVerdict.Wait, Decide(s, 1).Verdict);
        s = Check(s, 2, false);
        Assert.Equal(HealthVerdict.Unhealthy, Decide(s, 2).Verdict);
    }

    [Fact]
    public void Running_needs_min_consecutive_successes_in_a_row()
    {
        var s = Start(initial: 0, interval: 1, maxFailures: 5, minSuccesses: 3);
        s = Check(Check(s, 0, true), 1, true);
        Assert.Equal(HealthVerdict.Wait, Decide(s, 1).Verdict);
        s = Check(s, 2, false);
        s = Check(Check(s, 3, true), 4, true);
        Assert.Equal(HealthVerdict.Wait, Decide(s, 4).Verdict);
        s = Check(s, 5, true);
        Assert.Equal(HealthVerdict.ReportRunning, Decide(s, 5).Verdict);
    }

    [Fact]
    public void Before_running_the_task_fails_fast_when_the_attempts_left_cannot_give_the_successes_needed()
    {
        // Budget: ceil(0/1) + 3 + 3 = 6 attempts. Pass, pass, fail, pass, fail: 1 attempt left, 3 successes needed.
        var s = Start(initial: 0, interval: 1, maxFailures: 3, minSuccesses: 3);
        s = Check(Check(Check(Check(s, 0, true), 1, true), 2, false), 3, true);
        Assert.Equal(HealthVerdict.Wait, Decide(s, 3).Verdict);
        s = Check(s, 4, false);
        var plan = Decide(s, 4);
        Assert.Equal(HealthVerdict.Unhealthy, plan.Verdict);
        Assert.Contains("did not pass 3 time(s) in a row within 6 attempts", plan.Message);
    }

    [Fact]
    public void Once_running_a_pass_clears_the_failures_and_failures_are_no_longer_forgiven()
    {
        var s = Start(initial: 100, interval: 1, maxFailures: 1);
        s = Check(s, 0, true).Reported();
        s = Check(s, 1, false);
        Assert.Equal(1, s.ConsecutiveFailures);
        s = Check(s, 2, true);
        Assert.Equal(0, s.ConsecutiveFailures);
        s = Check(Check(s, 3, false), 4, false);
        Assert.Equal(HealthVerdict.Unhealthy, Decide(s, 4).Verdict);
    }

    [Fact]
    public void A_snoozed_check_passes()
    {
        var s = Start(initial: 0, interval: 1).Record(new HealthCheckResult(T0, true, "snoozed", Snoozed: true));
        Assert.Equal(HealthVerdict.ReportRunning, Decide(s, 0).Verdict);
    }

    [Theory]
    [InlineData(15, 10, 2)]
    [InlineData(20, 10, 2)]
    [InlineData(0, 10, 0)]
    [InlineData(1, 0.25, 4)]
    public void Forgiven_attempts_are_ceil_initial_over_interval(double initial, double interval, int expected) =>
        Assert.Equal(expected, HealthPolicy.ForgivenAttempts(new HealthCheckSpec { InitialInterval = TimeSpan.FromSeconds(initial), Interval = TimeSpan.FromSeconds(interval) }));
}
