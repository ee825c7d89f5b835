using Tessera.Jobs.Cron;

namespace Tessera.Jobs.Tests.Cron;

public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CronSchedule Parse(string text)
    {
        Assert.True(CronSchedule.TryParse(text, out var schedule, out var error), error);
        return schedule!;
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 9-17 * * MON-FRI")]
    [InlineData("30 2 1,15 JAN,JUL *")]
    public void AuroraCrontabSyntaxParses(string text) => Assert.Equal(text, Parse(text).Text);

    [Theory]
    [InlineData("@hourly", "@ macros are not supported")]
    [InlineData("* * * *", "must have 5 fields")]
    [InlineData("0 0 0 * * *", "must have 5 fields")]
    [InlineData("0 0 L * *", "'L' is not crontab syntax")]
    [InlineData("0 0 * * 5#2", "'#' is not crontab syntax")]
    [InlineData("61 * * * *", "is not a valid schedule")]
    public void OtherSyntaxIsRefusedSayingWhy(string text, string why)
    {
        Assert.False(CronSchedule.TryParse(text, out _, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ATimeSkippedBySpringForwardDoesNotRunAndOneRepeatedInTheFallRunsOnce()
    {
        var daily = Parse("30 2 * * *");
        // 2026-03-29: Berlin skips 02:00-03:00. Cronos runs a skipped time when the clock jumps (03:00 local).
        var spring = daily.Due(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero), Berlin);
        Assert.Equal(1, spring.Count);
        // 2026-10-25: Berlin repeats 02:00-03:00; 02:30 happens twice and runs once.
        var fall = daily.Due(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero), Berlin);
        Assert.Equal(1, fall.Count);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), fall.Latest);
    }

    [Fact]
    public void NextRunsAreInTheClustersTimeZone()
    {
        var runs = Parse("0 9 * * *").NextRuns(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), Berlin, 3);

        Assert.Equal([8, 9, 10], runs.Select(r => r.Day));
        Assert.All(runs, r => Assert.Equal(8, r.UtcDateTime.Hour));
    }
}
