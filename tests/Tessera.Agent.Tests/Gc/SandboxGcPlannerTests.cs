using Tessera.Agent.Gc;

namespace Tessera.Agent.Tests.Gc;

public sealed class SandboxGcPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly GcPolicy Week = new(TimeSpan.FromDays(7), 0.1);

    [Fact]
    public void WithUnknownUsageAFolderGoesAfterTheFullDelay()
    {
        var scheduled = new[] { new GcEntry("/w/slaves/a", T0) };
        var early = SandboxGcPlanner.Decide(scheduled, null, T0 + TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), Week);
        Assert.Empty(early.Remove);
        Assert.Equal(T0 + TimeSpan.FromDays(7), early.NextDue);
        var due = SandboxGcPlanner.Decide(scheduled, null, T0 + TimeSpan.FromDays(7), Week);
        Assert.Equal(["/w/slaves/a"], due.Remove);
        Assert.Null(due.NextDue);
    }

    [Theory]
    [InlineData(0.0, 0.9)]
    [InlineData(0.5, 0.4)]
    [InlineData(0.85, 0.05)]
    [InlineData(0.9, 0.0)]
    [InlineData(0.99, 0.0)]
    public void DiskUsageShrinksTheAllowedAgeAsMesosDoes(double usage, double fraction)
    {
        var age = SandboxGcPlanner.MaxAge(Week, usage);
        Assert.Equal(TimeSpan.FromDays(7).TotalSeconds * fraction, age.TotalSeconds, 3);
    }

    [Fact]
    public void AFullDiskRemovesEverythingScheduledOldestFirst()
    {
        var scheduled = new[] { new GcEntry("/w/b", T0 + TimeSpan.FromMinutes(5)), new GcEntry("/w/a", T0), new GcEntry("/w/c", T0 + TimeSpan.FromMinutes(9)) };
        var plan = SandboxGcPlanner.Decide(scheduled, 0.95, T0 + TimeSpan.FromMinutes(10), Week);
        Assert.Equal(["/w/a", "/w/b", "/w/c"], plan.Remove);
        Assert.Equal(TimeSpan.Zero, plan.MaxAge);
    }

    [Fact]
    public void HalfFullRemovesOnlyThoseOlderThanTheShrunkAge()
    {
        // 7 days x (1 - 0.1 - 0.5) = 2.8 days.
        var scheduled = new[] { new GcEntry("/w/old", T0), new GcEntry("/w/new", T0 + TimeSpan.FromDays(2)) };
        var plan = SandboxGcPlanner.Decide(scheduled, 0.5, T0 + TimeSpan.FromDays(3), Week);
        Assert.Equal(["/w/old"], plan.Remove);
        Assert.Equal(T0 + TimeSpan.FromDays(2) + TimeSpan.FromDays(2.8), plan.NextDue);
    }

    [Fact]
    public void NothingScheduledPlansNothing()
    {
        var plan = SandboxGcPlanner.Decide([], 0.99, T0, Week);
        Assert.Empty(plan.Remove);
        Assert.Null(plan.NextDue);
    }
}
