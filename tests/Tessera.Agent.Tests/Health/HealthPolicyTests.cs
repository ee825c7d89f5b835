using Tessera.Agent.Health;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Health;

/// <summary>The pure health state machine on a fake clock: no sockets, no processes, no real time.</summary>
public sealed class HealthPolicyTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly HealthResult Pass = HealthResult.Pass("ok");
    private static readonly HealthResult Fail = HealthResult.Fail("connection refused");

    private static HealthConfig Config(double grace = 10, uint failures = 3) =>
        HealthConfig.From(new HealthCheck { Type = CheckType.TCP, Tcp = new TcpCheckInfo { Port = 80 }, GracePeriodSeconds = grace, ConsecutiveFailures = failures }).Config!;

    /// <summary>Feeds results at the given seconds after start through the policy, as the monitor does.</summary>
    private static List<HealthPlan> Run(HealthConfig config, params (double At, HealthResult Result)[] results)
    {
        var clock = new ManualClock(Start);
        var state = HealthState.Initial;
        var plans = new List<HealthPlan>();
        foreach (var (at, result) in results)
        {
            clock.Advance(Start + TimeSpan.FromSeconds(at) - clock.GetUtcNow());
            var plan = HealthPolicy.Decide(new HealthSnapshot(config, Start, state), result, clock.GetUtcNow());
            state = plan.Next;
            plans.Add(plan);
        }
        return plans;
    }

    [Fact]
    public void DefaultsAreMesos()
    {
        var config = HealthConfig.From(new HealthCheck { Type = CheckType.TCP, Tcp = new TcpCheckInfo { Port = 80 } }).Config!;
        Assert.Equal(
            (TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), 3u, TimeSpan.FromSeconds(10)),
            (config.Delay, config.Interval, config.Timeout, config.ConsecutiveFailures, config.GracePeriod));
    }

    [Fact]
    public void ZeroTimeoutMeansNone()
    {
        var config = HealthConfig.From(new HealthCheck { Type = CheckType.TCP, Tcp = new TcpCheckInfo { Port = 80 }, TimeoutSeconds = 0 }).Config!;
        Assert.Equal(Timeout.InfiniteTimeSpan, config.Timeout);
    }

    [Theory]
    [InlineData(null, "'health_check.type'")]
    [InlineData(CheckType.HTTP, "'health_check.http'")]
    [InlineData(CheckType.TCP, "'health_check.tcp'")]
    [InlineData(CheckType.COMMAND, "'health_check.command.value'")]
    public void AMissingPartIsNamed(CheckType? type, string field)
    {
        var result = HealthConfig.From(new HealthCheck { Type = type });
        Assert.Null(result.Config);
        Assert.StartsWith(field, result.Error);
    }

    [Fact]
    public void NegativeSecondsAreRefused()
    {
        var result = HealthConfig.From(new HealthCheck { Type = CheckType.TCP, Tcp = new TcpCheckInfo { Port = 1 }, IntervalSeconds = -1 });
        Assert.Equal("'health_check.interval_seconds' must not be negative", result.Error);
    }

    [Fact]
    public void TheFirstSuccessReportsHealthyAndLaterOnesReportNothing()
    {
        var plans = Run(Config(), (1, Pass), (2, Pass), (3, Pass));
        Assert.Equal([true, null, null], plans.Select(p => p.Report));
        Assert.All(plans, p => Assert.False(p.Kill));
    }

    [Fact]
    public void FailuresInTheGracePeriodBeforeAnySuccessAreIgnored()
    {
        var plans = Run(Config(grace: 10, failures: 1), (1, Fail), (5, Fail), (10, Fail));
        Assert.All(plans, p => Assert.Equal((null, false, 0u), (p.Report, p.Kill, p.Next.ConsecutiveFailures)));
    }

    [Fact]
    public void AFailureJustAfterTheGracePeriodCounts()
    {
        var plan = Run(Config(grace: 10, failures: 3), (10.5, Fail)).Single();
        Assert.Equal((false, false, 1u), (plan.Report, plan.Kill, plan.Next.ConsecutiveFailures));
        Assert.Equal("TCP health check failed 1 time consecutively: connection refused", plan.Message);
    }

    [Fact]
    public void AfterTheFirstSuccessTheGracePeriodNoLongerShieldsFailures()
    {
        var plans = Run(Config(grace: 60, failures: 2), (1, Pass), (2, Fail), (3, Fail));
        Assert.Equal([true, false, false], plans.Select(p => p.Report));
        Assert.Equal([false, false, true], plans.Select(p => p.Kill));
    }

    [Fact]
    public void EveryCountedFailureReportsUnhealthyAndTheThresholdKills()
    {
        var plans = Run(Config(grace: 0, failures: 3), (1, Fail), (2, Fail), (3, Fail));
        Assert.Equal([false, false, false], plans.Select(p => p.Report));
        Assert.Equal([false, false, true], plans.Select(p => p.Kill));
        Assert.Equal(3u, plans[^1].Next.ConsecutiveFailures);
    }

    [Fact]
    public void ASuccessAfterFailuresReportsHealthyAgainAndResetsTheCount()
    {
        var plans = Run(Config(grace: 0, failures: 3), (1, Pass), (2, Fail), (3, Fail), (4, Pass), (5, Fail), (6, Fail));
        Assert.Equal([true, false, false, true, false, false], plans.Select(p => p.Report));
        Assert.All(plans, p => Assert.False(p.Kill));
        Assert.Equal(2u, plans[^1].Next.ConsecutiveFailures);
    }

    [Fact]
    public void ZeroGraceCountsTheVeryFirstFailure()
    {
        var plan = Run(Config(grace: 0, failures: 1), (0, Fail)).Single();
        Assert.True(plan.Kill);
    }
}
