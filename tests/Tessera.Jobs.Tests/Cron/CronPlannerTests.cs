using Tessera.Jobs.Cron;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Tests.Scheduling;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;

namespace Tessera.Jobs.Tests.Cron;

public sealed class CronPlannerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);
    private static readonly CronSchedule EveryFive = Parse("*/5 * * * *");

    private static CronSchedule Parse(string text)
    {
        Assert.True(CronSchedule.TryParse(text, out var schedule, out var error), error);
        return schedule!;
    }

    private static CronJob Job(CollisionPolicy policy = CollisionPolicy.KILL_EXISTING) =>
        new(new JobSpec(Fixtures.Job(), 2, Spec(Fixtures.Job())), EveryFive.Text, policy, Start, []);

    private static CronDecision Decide(CronJob job, double minutes, bool runActive = false) =>
        CronPlanner.Decide(job, EveryFive, Start + TimeSpan.FromMinutes(minutes), TimeZoneInfo.Utc, runActive);

    [Fact]
    public void NothingRunsUntilATimeIsDueThenItLaunchesOnce()
    {
        var early = Decide(Job(), 4.9);
        Assert.Equal(CronAction.None, early.Action);
        Assert.Equal(Start, early.Next.Cursor);

        var due = Decide(early.Next, 5);
        Assert.Equal(CronAction.Launch, due.Action);
        Assert.Equal(Start.AddMinutes(5), due.Next.Cursor);
        Assert.Equal("launched at its time", due.Next.Runs[^1].Note);
        Assert.Equal(CronAction.None, Decide(due.Next, 5.5).Action);
    }

    [Fact]
    public void AfterAnOutageOnlyTheLatestMissedRunIsMadeUpAndTheOthersAreRecordedAsMissed()
    {
        var back = Decide(Job(), 62);

        Assert.Equal(CronAction.Launch, back.Action);
        Assert.Equal(Start.AddMinutes(60), back.Next.Cursor);
        Assert.StartsWith("11 earlier run(s) missed while the scheduler was not running", back.Next.Runs[0].Note);
        Assert.Equal("launched 120 s after its time (the scheduler was not running then)", back.Next.Runs[1].Note);
        Assert.Equal(2, back.Next.Runs.Length);
        Assert.Equal(CronAction.None, Decide(back.Next, 63).Action);
    }

    [Fact]
    public void CancelNewSkipsARunWhileThePreviousIsActive()
    {
        var skipped = Decide(Job(CollisionPolicy.CANCEL_NEW), 5, runActive: true);

        Assert.Equal(CronAction.None, skipped.Action);
        Assert.Equal("skipped: the previous run is still active (CANCEL_NEW)", skipped.Next.Runs[^1].Note);
        Assert.Null(skipped.Next.Runs[^1].LaunchedAt);
    }

    [Fact]
    public void KillExistingKillsThePreviousRunAndLaunchesOnceItIsGone()
    {
        var kill = Decide(Job(), 5, runActive: true);
        Assert.Equal(CronAction.KillPrevious, kill.Action);
        Assert.Equal(Start.AddMinutes(5), kill.Next.WaitingRun);

        Assert.Equal(CronAction.None, Decide(kill.Next, 5.1, runActive: true).Action);
        var launch = Decide(kill.Next, 5.2);

        Assert.Equal(CronAction.Launch, launch.Action);
        Assert.Null(launch.Next.WaitingRun);
        Assert.Equal(Start.AddMinutes(5), launch.Next.Runs[^1].DueAt);
    }

    [Fact]
    public void StartNowAppliesThePolicyAndOnlyTheLastTenRunsAreKept()
    {
        var job = Job(CollisionPolicy.CANCEL_NEW);
        for (var i = 0; i < 12; i++)
            job = CronPlanner.StartNow(job, Start.AddMinutes(i), runActive: false).Next;

        Assert.Equal(CronJob.RunsKept, job.Runs.Length);
        Assert.Equal(Start.AddMinutes(11), job.Runs[^1].DueAt);
        Assert.Equal(CronAction.None, CronPlanner.StartNow(job, Start.AddMinutes(20), runActive: true).Action);
    }
}
