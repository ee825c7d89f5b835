using Tessera.Core.Protocol;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;

namespace Tessera.Jobs.Tests.Host;

/// <summary>
/// Job updates through <see cref="Tessera.Jobs.Host.JobsCore"/>: stored before acted on, resumed after a restart.
/// </summary>
public sealed class JobsCoreUpdateTests : IAsyncLifetime
{
    private static readonly JobKey Key = new("devcluster", "www-data", "test", "web");
    private static readonly JobSpec Old = JobsCluster.Job("web", 3, "sleep 300");
    private static readonly JobSpec New = JobsCluster.Job("web", 3, "sleep 301");
    private CoreHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await CoreHarness.StartAsync();
        Assert.Null((await _h.Core.CreateAsync(Old, default)).Problem);
        await _h.RunPendingAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static UpdateSettings Settings(int batch = 1, int watch = 10, bool rollback = true) =>
        new(UpdateStrategy.Queue, [batch], WatchSecs: watch, RollbackOnFailure: rollback);

    private async Task<string> StartAsync(JobSpec to, UpdateSettings settings)
    {
        var started = await _h.Core.StartUpdateAsync(new UpdateStartRequest(to, settings), default);
        Assert.Null(started.Problem);
        return started.Value!.UpdateId!;
    }

    private UpdateDetails Info() => _h.Core.UpdateInfo(Key, null).Value!;

    private IEnumerable<ScheduledTask> StoredTasks() =>
        _h.Store.LoadAsync(default).GetAwaiter().GetResult().Tasks.Values.Select(t => t.Value);

    /// <summary>Kills land, the new tasks run, the watch passes: one step of the queue.</summary>
    private async Task StepAsync(double watch)
    {
        await _h.KillsLandAsync();
        await _h.RunPendingAsync();
        await _h.TickAfterAsync(watch);
    }

    [Fact]
    public async Task AnUpdateRollsForwardInstanceByInstanceAndTheJobTakesTheNewConfig()
    {
        _h.Calls.Clear();
        await StartAsync(New, Settings(batch: 2));
        var firstKills = _h.KillsSent();
        Assert.Equal(2, firstKills.Count);
        Assert.All(firstKills,
            id => Assert.Equal(ScheduleStatus.KILLING, StoredTasks().Single(t => t.TaskId == id).Status));

        for (var i = 0; i < 4 && Info().Summary.Status.IsActive(); i++)
            await StepAsync(10);

        Assert.Equal(UpdateStatus.ROLLED_FORWARD, Info().Summary.Status);
        Assert.Equal("sleep 301", _h.Core.Config(Key).Value!.Template.Command);
        var status = _h.Core.Status(Key).Value!;
        Assert.Single(status.InstanceStatuses.Select(s => s.ConfigVersion).Distinct());
        Assert.Equal(ConfigVersion.Of(New.Instance(0)), status.InstanceStatuses[0].ConfigVersion);
        Assert.Equal(3, StoredTasks().Count(t => t.Spec.Command == "sleep 301"));
    }

    [Fact]
    public async Task AfterARestartMidUpdateTheSameUpdateGoesOnAndNoInstanceIsUpdatedTwice()
    {
        var id = await StartAsync(New, Settings(batch: 1));
        await _h.KillsLandAsync();
        await _h.RunPendingAsync();

        await _h.RestartAsync();
        for (var i = 0; i < 6 && Info().Summary.Status.IsActive(); i++)
        {
            await _h.TickAfterAsync(10);
            await StepAsync(0);
        }

        var info = Info();
        Assert.Equal(id, info.Summary.Id);
        Assert.Equal(UpdateStatus.ROLLED_FORWARD, info.Summary.Status);
        Assert.Equal(3, StoredTasks().Count(t => t.Spec.Command == "sleep 301"));
        Assert.Equal([0, 1, 2], info.InstanceEvents
            .Where(e => e.Action == InstanceAction.INSTANCE_UPDATED).Select(e => e.Instance));
    }

    [Fact]
    public async Task ANewConfigThatFailsRollsBackAndTheJobKeepsItsOldConfig()
    {
        await StartAsync(JobsCluster.Job("web", 3, "exit 1"), Settings(batch: 1, watch: 30));
        await _h.KillsLandAsync();
        var launched = Assert.Single(await _h.OfferAsync());
        await _h.UpdateAsync(launched, TaskState.TASK_FAILED);

        Assert.Equal(UpdateStatus.ROLLING_BACK, Info().Summary.Status);
        for (var i = 0; i < 4 && Info().Summary.Status.IsActive(); i++)
            await StepAsync(30);

        Assert.Equal(UpdateStatus.ROLLED_BACK, Info().Summary.Status);
        Assert.Equal("sleep 300", _h.Core.Config(Key).Value!.Template.Command);
        Assert.All(_h.Core.Status(Key).Value!.InstanceStatuses, s => Assert.Equal(ScheduleStatus.RUNNING, s.Status));
    }

    [Fact]
    public async Task OneUpdateAtATimeAndNoRestartOrAddDuringIt()
    {
        var id = await StartAsync(New, Settings());

        var again = await _h.Core.StartUpdateAsync(
            new UpdateStartRequest(JobsCluster.Job("web", 3, "sleep 9"), Settings()), default);
        Assert.Equal(409, again.Problem!.StatusCode);
        Assert.Contains($"has update {id} in progress (ROLLING_FORWARD)", again.Problem.Message);
        Assert.Equal(409, (await _h.Core.RestartAsync(Key, new RestartRequest(), default)).Problem!.StatusCode);
        Assert.Equal(409, (await _h.Core.AddAsync(Key, 0, 1, default)).Problem!.StatusCode);
        var create = await _h.Core.CreateAsync(New, default);
        Assert.Contains("change it with 'tessera update start devcluster/www-data/test/web CONFIG'",
            create.Problem!.Message);
    }

    [Fact]
    public async Task PauseStopsTheUpdateAndKillallEndsItInError()
    {
        await StartAsync(New, Settings());
        Assert.Equal(UpdateStatus.ROLL_FORWARD_PAUSED,
            (await _h.Core.ControlUpdateAsync(Key, "pause", default)).Value!.Status);
        await _h.KillsLandAsync();
        await _h.RunPendingAsync();
        _h.Calls.Clear();
        await _h.TickAfterAsync(60);
        Assert.Empty(_h.KillsSent());
        Assert.Equal(409, (await _h.Core.ControlUpdateAsync(Key, "pause", default)).Problem!.StatusCode);
        Assert.Equal(404, (await _h.Core.ControlUpdateAsync(Key, "jump", default)).Problem!.StatusCode);

        await _h.Core.KillAsync(Key, null, removeJob: true, default);

        var ended = _h.Core.Updates(null, "www-data", "ended").Value!;
        Assert.Equal(UpdateStatus.ERROR, Assert.Single(ended).Status);
    }

    [Fact]
    public async Task AnUpdateThatChangesNothingStartsNothing()
    {
        var same = await _h.Core.StartUpdateAsync(new UpdateStartRequest(Old, Settings()), default);

        Assert.Null(same.Value!.UpdateId);
        Assert.Empty(_h.Core.Updates(Key, null, null).Value!);
        Assert.Equal(400, _h.Core.Updates(null, null, "sideways").Problem!.StatusCode);
    }

    [Fact]
    public async Task ALaunchLostToASchedulerRestartIsNotCountedAgainstTheNewConfig()
    {
        await StartAsync(New, Settings(batch: 1, watch: 10));
        await _h.KillsLandAsync();
        // Placed and stored ASSIGNED; the scheduler dies before its ACCEPT reaches the master.
        var placed = Assert.Single(await _h.OfferAsync());

        await _h.RestartAsync();
        await _h.UpdateAsync(placed, TaskState.TASK_LOST); // the master's answer to reconciliation
        Assert.Equal(UpdateStatus.ROLLING_FORWARD, Info().Summary.Status);
        Assert.Equal(0, Info().InstanceStatuses[0].Failures);

        await _h.TickAfterAsync(31); // the replacement waits out the flapping penalty, then is PENDING
        Assert.Single(await _h.RunPendingAsync());
        await _h.TickAfterAsync(10);
        Assert.Equal(1, Info().Summary.Succeeded);
    }

    [Fact]
    public async Task AJobKeepsItsLastTenUpdates()
    {
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await StartAsync(JobsCluster.Job("web", 3, $"sleep {400 + i}"), Settings()));
            Assert.Null((await _h.Core.ControlUpdateAsync(Key, "abort", default)).Problem);
            _h.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var kept = _h.Core.Updates(Key, null, null).Value!;

        Assert.Equal(ids[^10..].AsEnumerable().Reverse(), kept.Select(u => u.Id));
        Assert.Equal(10, (await _h.Store.LoadAsync(default)).Updates.Count);
    }
}
