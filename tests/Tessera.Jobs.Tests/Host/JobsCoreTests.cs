using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;

namespace Tessera.Jobs.Tests.Host;

/// <summary>
/// <see cref="Tessera.Jobs.Host.JobsCore"/> driven by hand (<see cref="CoreHarness"/>): rolling
/// restarts (updates that keep the config), reconciliation, history pruning.
/// </summary>
public sealed class JobsCoreTests : IAsyncLifetime
{
    private static readonly JobKey Key = new("devcluster", "www-data", "test", "rolling");
    private CoreHarness _h = null!;

    public async Task InitializeAsync() => _h = await CoreHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private JobsCoreTestsView View => new(_h, Key);

    private async Task CreateRunningAsync(int instances, string command = "sleep 300")
    {
        Assert.Null((await _h.Core.CreateAsync(JobsCluster.Job("rolling", instances, command), default)).Problem);
        await _h.RunPendingAsync();
        _h.Calls.Clear();
    }

    [Fact]
    public async Task ABatchMovesOnOnlyAfterTheWatchAndAFailedNewTaskFailsTheRestart()
    {
        await CreateRunningAsync(3);
        var original = Enumerable.Range(0, 3).Select(View.TaskOf).ToList();

        var started = await _h.Core.RestartAsync(Key, new RestartRequest(BatchSize: 1, WatchSecs: 30), default);
        Assert.StartsWith("restarting 3 instances of devcluster/www-data/test/rolling, 1 at a time, each watched 30 seconds (update ",
            started.Value!.Message);

        // Batch 1: instance 0 only, stored KILLING before its KILL was sent.
        Assert.Equal([original[0]], _h.KillsSent());
        Assert.Equal(ScheduleStatus.KILLING, View.Status.InstanceStatuses[0].Status);
        await _h.KillsLandAsync();
        await _h.RunPendingAsync();
        await _h.TickAfterAsync(29);
        Assert.Empty(_h.KillsSent());
        await _h.TickAfterAsync(1);
        Assert.Equal([original[1]], _h.KillsSent());
        Assert.Equal(1, View.Update.Summary.Succeeded);

        // Instance 1's new task runs unhealthy (no watch time), then fails: the restart fails, instance 2 is left alone.
        await _h.KillsLandAsync();
        var second = Assert.Single(await _h.OfferAsync());
        await _h.UpdateAsync(second, TaskState.TASK_RUNNING, healthy: false);
        await _h.TickAfterAsync(60);
        Assert.Equal(InstancePhase.Working, View.Update.InstanceStatuses[1].Phase);
        await _h.UpdateAsync(second, TaskState.TASK_FAILED);

        var update = View.Update;
        Assert.Equal(UpdateStatus.FAILED, update.Summary.Status);
        Assert.StartsWith("1 instance failed, more than max_total_failures 0 (instance 1: 1 task failed", update.Summary.Reason);
        await _h.TickAfterAsync(120);
        Assert.Empty(_h.KillsSent());
        Assert.Equal(original[2], View.TaskOf(2));
        Assert.Null((await _h.Core.RestartAsync(Key, new RestartRequest([2], WatchSecs: 0), default)).Problem);
        Assert.Equal([original[2]], _h.KillsSent());
    }

    [Fact]
    public async Task ARestartGoesOnAfterTheSchedulerReloadsItsStore()
    {
        await CreateRunningAsync(2);
        var first = View.TaskOf(0);
        Assert.Null((await _h.Core.RestartAsync(Key, new RestartRequest(WatchSecs: 10), default)).Problem);

        await _h.RestartAsync();
        Assert.Equal(UpdateStatus.ROLLING_FORWARD, View.Update.Summary.Status);
        await _h.UpdateAsync(first, TaskState.TASK_KILLED);
        await _h.RunPendingAsync();
        await _h.TickAfterAsync(10);

        Assert.Equal(ScheduleStatus.KILLING, View.Status.InstanceStatuses[1].Status);
    }

    [Theory]
    [InlineData(0, 30, "batch_size: must be at least 1, not 0")]
    [InlineData(1, -5, "watch_secs: must be at least 0, not -5")]
    public async Task BadSettingsAre400AndChangeNothing(int batch, int watch, string expected)
    {
        await CreateRunningAsync(1);

        var refused = await _h.Core.RestartAsync(Key, new RestartRequest(BatchSize: batch, WatchSecs: watch), default);

        Assert.Equal(new ApiProblem(400, expected), refused.Problem);
        Assert.Null(View.Status.Update);
        Assert.Empty(_h.KillsSent());
        Assert.Empty((await _h.Store.LoadAsync(default)).Updates);
    }

    [Fact]
    public async Task ASecondRestartWhileOneRollsIsAConflictAndARestartCannotRollBack()
    {
        await CreateRunningAsync(1);
        Assert.Null((await _h.Core.RestartAsync(Key, new RestartRequest(), default)).Problem);

        var again = await _h.Core.RestartAsync(Key, new RestartRequest(), default);

        Assert.Equal(409, again.Problem!.StatusCode);
        Assert.Contains("has restart", again.Problem.Message);
        Assert.Single(_h.KillsSent());
        Assert.EndsWith("is a restart: there is no other config to roll back to (ROLLING_FORWARD)",
            (await _h.Core.ControlUpdateAsync(Key, "rollback", default)).Problem!.Message);
    }

    [Fact]
    public async Task ARestartStuckOnATaskThatCannotBePlacedCanBeAborted()
    {
        await CreateRunningAsync(2);
        Assert.Equal(409, (await _h.Core.AbortRestartAsync(Key, default)).Problem!.StatusCode);
        Assert.Null((await _h.Core.RestartAsync(Key, new RestartRequest(WatchSecs: 30), default)).Problem);
        await _h.KillsLandAsync();
        await _h.TickAfterAsync(600); // no offer comes: the new task stays PENDING, the restart waits
        Assert.Equal(UpdateStatus.ROLLING_FORWARD, View.Update.Summary.Status);

        var aborted = await _h.Core.AbortRestartAsync(Key, default);

        Assert.Equal("restart of devcluster/www-data/test/rolling aborted on request; not restarted: 1", aborted.Value!.Message);
        Assert.Equal(UpdateStatus.ABORTED, View.Update.Summary.Status);
        Assert.Empty(_h.KillsSent()); // instance 1 was left alone
        Assert.Null((await _h.Core.RestartAsync(Key, new RestartRequest([1], WatchSecs: 0), default)).Problem);
    }

    [Fact]
    public async Task ATaskGivenUpOnIsKilledWhenReportedRunningButNotWhileStillUnreachable()
    {
        Assert.Null((await _h.Core.CreateAsync(JobsCluster.Job("rolling", 1, "sleep 300"), default)).Problem);
        var first = Assert.Single(await _h.OfferAsync());
        await _h.UpdateAsync(first, TaskState.TASK_RUNNING);
        await _h.UpdateAsync(first, TaskState.TASK_UNREACHABLE);
        await _h.TickAfterAsync(1); // the default partition policy gives it up at once: LOST, replaced
        Assert.NotEqual(first, View.TaskOf(0));
        _h.Calls.Clear();

        await _h.UpdateAsync(first, TaskState.TASK_UNREACHABLE);
        Assert.DoesNotContain(_h.Calls, c => c.Type == SchedulerCallType.KILL);

        await _h.UpdateAsync(first, TaskState.TASK_RUNNING);
        Assert.Equal([first], _h.KillsSent());
    }

    [Fact]
    public async Task TheSchedulerReconcilesImplicitlyEveryInterval()
    {
        _h.Calls.Clear();
        await _h.TickAfterAsync(14 * 60);
        Assert.DoesNotContain(_h.Calls, c => c.Type == SchedulerCallType.RECONCILE);
        await _h.TickAfterAsync(60);
        var reconcile = Assert.Single(_h.Calls, c => c.Type == SchedulerCallType.RECONCILE);
        Assert.Empty(reconcile.Reconcile!.Tasks!);
    }

    [Fact]
    public async Task EndedTasksAreForgottenPastTheHistoryPolicyButNotTheLatest()
    {
        Assert.Null((await _h.Core.CreateAsync(JobsCluster.Job("rolling", 1, "exit 1"), default)).Problem);
        for (var run = 0; run < 4; run++)
        {
            var launched = Assert.Single(await _h.OfferAsync());
            await _h.UpdateAsync(launched, TaskState.TASK_RUNNING);
            await _h.UpdateAsync(launched, TaskState.TASK_FAILED);
            await _h.TickAfterAsync(600); // past the flapping penalty: the replacement is PENDING again
        }
        Assert.Equal(5, _h.Core.TaskCount); // four failed, one pending

        await _h.TickAfterAsync(TimeSpan.FromDays(2).TotalSeconds);

        Assert.Equal(1, _h.Core.TaskCount);
        Assert.Equal(ScheduleStatus.PENDING, View.Status.InstanceStatuses[0].Status);
        Assert.Single((await _h.Store.LoadAsync(default)).Tasks);
    }
}

/// <summary>What the API would answer about one job, read from the harness's core.</summary>
internal sealed record JobsCoreTestsView(CoreHarness Harness, JobKey Key)
{
    public JobStatus Status => Harness.Core.Status(Key).Value!;

    public UpdateDetails Update => Harness.Core.UpdateInfo(Key, null).Value!;

    public string TaskOf(int instance) => Status.InstanceStatuses[instance].TaskId!;
}
