using Tessera.Core.Protocol;
using Tessera.Jobs.Api;
using Tessera.Jobs.Cron;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Tests.Host;

/// <summary>Cron jobs through <see cref="Tessera.Jobs.Host.JobsCore"/>: launched when due, stored, resumed after a restart.</summary>
public sealed class JobsCoreCronTests : IAsyncLifetime
{
    private static readonly JobKey Key = new("devcluster", "www-data", "test", "nightly");
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static CronRequest Request(CollisionPolicy policy = CollisionPolicy.KILL_EXISTING) =>
        new(JobsCluster.Job("nightly", 2, "sleep 600", service: false), "*/5 * * * *", policy);

    private CronStatus Show() => _h.Core.CronInfo(Key).Value!;

    private int Active() => _h.Core.Status(Key).Value!.InstanceStatuses.Count(i => i.Status?.IsActive() == true);

    [Fact]
    public async Task ACronJobLaunchesEveryInstanceWhenDueAndNotBefore()
    {
        var scheduled = await _h.Core.ScheduleCronAsync(Request(), default);
        Assert.Equal([12, 12, 12], scheduled.Value!.NextRuns.Select(r => r.Hour));
        Assert.Equal([5, 10, 15], scheduled.Value.NextRuns.Select(r => r.Minute));
        Assert.Equal(_h.Clock.GetUtcNow().AddMinutes(5), _h.Core.NextCronDue); // the ticker wakes the loop then

        await _h.TickAfterAsync(4 * 60);
        Assert.Equal(0, Active());
        await _h.TickAfterAsync(60);

        Assert.Equal(2, Active());
        Assert.Equal("launched at its time", Show().Runs[^1].Note);
        Assert.Equal(_h.Clock.GetUtcNow().AddMinutes(5), _h.Core.NextCronDue);
        Assert.Equal(2, (await _h.RunPendingAsync()).Count);
    }

    [Fact]
    public async Task KillExistingKillsTheRunningRunAndLaunchesWhenItIsGone()
    {
        await _h.Core.ScheduleCronAsync(Request(), default);
        await _h.TickAfterAsync(5 * 60);
        var first = await _h.RunPendingAsync();
        _h.Calls.Clear();

        await _h.TickAfterAsync(5 * 60);
        Assert.Equal(first.Order(), _h.KillsSent().Order());
        Assert.NotNull(Show().WaitingRun);
        await _h.KillsLandAsync();
        await _h.TickAfterAsync(1);

        Assert.Null(Show().WaitingRun);
        Assert.Equal(2, Active());
        Assert.Equal("launched after the previous run was killed (KILL_EXISTING)", Show().Runs[^1].Note);
    }

    [Fact]
    public async Task AfterTheSchedulerWasDownOneMissedRunIsMadeUpNotABurst()
    {
        await _h.Core.ScheduleCronAsync(Request(CollisionPolicy.CANCEL_NEW), default);

        await _h.RestartAsync();
        _h.Clock.Advance(TimeSpan.FromHours(1));
        await _h.TickAfterAsync(30);

        Assert.Equal(2, Active());
        var runs = Show().Runs;
        Assert.StartsWith("11 earlier run(s) missed while the scheduler was not running", runs[0].Note);
        Assert.Equal("launched 30 s after its time (the scheduler was not running then)", runs[1].Note);
        await _h.TickAfterAsync(5 * 60);
        Assert.Equal("skipped: the previous run is still active (CANCEL_NEW)", Show().Runs[^1].Note);
        Assert.Equal(2, Active());
    }

    [Fact]
    public async Task ACronJobIsChangedOnlyByScheduleAndKillallDeschedulesIt()
    {
        Assert.Equal(400, (await _h.Core.ScheduleCronAsync(Request() with { Schedule = "@hourly" }, default)).Problem!.StatusCode);
        Assert.Equal(400, (await _h.Core.ScheduleCronAsync(
            Request() with { Job = JobsCluster.Job("nightly", 1, "sleep 1") }, default)).Problem!.StatusCode);
        await _h.Core.ScheduleCronAsync(Request(), default);

        Assert.Contains("is a cron job", (await _h.Core.CreateAsync(Request().Job, default)).Problem!.Message);
        Assert.Contains("is a cron job", (await _h.Core.StartUpdateAsync(new UpdateStartRequest(Request().Job), default)).Problem!.Message);
        await _h.Core.StartCronAsync(Key, default);
        Assert.Equal(2, Active());

        await _h.Core.KillAsync(Key, null, removeJob: true, default);

        Assert.Equal(404, _h.Core.CronInfo(Key).Problem!.StatusCode);
        Assert.Empty((await _h.Store.LoadAsync(default)).Crons);
    }
}
