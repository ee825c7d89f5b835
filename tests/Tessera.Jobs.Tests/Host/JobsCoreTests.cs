using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Agent.Tests;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Core.Resources;
using Tessera.Jobs.Api;
using Tessera.Jobs.Host;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Store;
using Tessera.Jobs.Tests.Store;
using Tessera.State;

namespace Tessera.Jobs.Tests.Host;

/// <summary>
/// <see cref="JobsCore"/> driven by hand as the scheduler loop drives it: a fake master (the calls
/// it would get are recorded, its offers and updates are made up), a real job store, a manual clock.
/// </summary>
public sealed class JobsCoreTests : IAsyncLifetime
{
    private static readonly JobKey Key = new("devcluster", "www-data", "test", "rolling");
    private readonly TempDirectory _dir = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<SchedulerCall> _calls = [];
    private readonly List<(string TaskId, ScheduleStatus Stored)> _killsSent = [];
    private SqliteKeyValueStore? _kv;
    private JobStore? _store;
    private JobsCore? _core;
    private int _ids;
    private int _offers;

    private JobsCore Core => _core!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_dir.DatabasePath)!);
        _kv = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, default);
        _store = await JobStore.OpenAsync(_kv, default);
        _core = new JobsCore(_store, await _store.LoadAsync(default),
            new JobsSchedulerOptions { Master = new Uri("http://127.0.0.1:1"), DataDir = _dir.Path }, _clock,
            () => new Guid(++_ids, 0, 0, new byte[8]), NullLogger.Instance);
        await Core.OnSubscribedAsync("fw-1", new Uri("http://127.0.0.1:1"), SendAsync, default);
    }

    public async Task DisposeAsync()
    {
        if (_kv is not null) await _kv.DisposeAsync();
        _dir.Dispose();
    }

    // The fake master: records every call; for a KILL also what the store held for the task at that moment.
    private async Task SendAsync(SchedulerCall call, CancellationToken ct)
    {
        _calls.Add(call);
        if (call.Type == SchedulerCallType.KILL)
        {
            var stored = (await _store!.LoadAsync(ct)).Tasks[call.Kill!.TaskId.Value].Value.Status;
            _killsSent.Add((call.Kill.TaskId.Value, stored));
        }
    }

    private JobStatus Status() => Core.Status(Key).Value!;

    private string TaskOf(int instance) => Status().InstanceStatuses[instance].TaskId!;

    /// <summary>One offer big enough for everything pending; the tasks it launches, by id.</summary>
    private async Task<List<string>> OfferAsync()
    {
        _calls.Clear();
        var offer = new Offer
        {
            Id = new OfferID { Value = $"offer-{++_offers}" },
            FrameworkId = new FrameworkID { Value = "fw-1" },
            AgentId = AgentID.Of("agent-1"),
            Hostname = "agent-1.example",
            Resources = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:8;mem:8192;disk:8192;ports:[31000-31100]")),
        };
        await Core.OnOffersAsync([offer], default);
        return [.. _calls.Where(c => c.Type == SchedulerCallType.ACCEPT)
            .SelectMany(c => c.Accept!.Operations!.SelectMany(o => o.Launch!.TaskInfos!)).Select(t => t.TaskId.Value)];
    }

    private Task UpdateAsync(string taskId, TaskState state, bool? healthy = null) => Core.OnUpdateAsync(new MesosTaskStatus
    {
        TaskId = TaskID.Of(taskId),
        State = state,
        AgentId = AgentID.Of("agent-1"),
        Healthy = healthy,
    }, default);

    private async Task<string> LaunchReplacementRunningAsync()
    {
        var launched = Assert.Single(await OfferAsync());
        await UpdateAsync(launched, TaskState.TASK_RUNNING);
        return launched;
    }

    private async Task TickAfterAsync(double seconds)
    {
        _clock.Advance(TimeSpan.FromSeconds(seconds));
        await Core.OnTickAsync(default);
    }

    [Fact]
    public async Task ABatchMovesOnOnlyAfterTheWatchAndAFailedReplacementFailsTheRestart()
    {
        var job = JobsCluster.Job("rolling", 3, "sleep 300");
        Assert.Null((await Core.CreateAsync(job, default)).Problem);
        foreach (var id in await OfferAsync())
            await UpdateAsync(id, TaskState.TASK_RUNNING);
        var original = Enumerable.Range(0, 3).Select(TaskOf).ToList();

        var started = await Core.RestartAsync(Key, null, new RolloutSettings(BatchSize: 1, WatchSecs: 30), default);
        Assert.Null(started.Problem);
        Assert.Equal("restarting 3 instances of devcluster/www-data/test/rolling, 1 at a time, each watched 30 seconds", started.Value!.Message);

        // Batch 1: instance 0 only, stored RESTARTING before its KILL was sent.
        Assert.Equal([(original[0], ScheduleStatus.RESTARTING)], _killsSent);
        var restart = Status().Restart!;
        Assert.Equal(RolloutPhase.Rolling, restart.State);
        Assert.Equal(0, Assert.Single(restart.InFlight).Instance);
        Assert.Equal([1, 2], restart.Remaining.ToArray());

        await UpdateAsync(original[0], TaskState.TASK_KILLED);
        var replacement0 = await LaunchReplacementRunningAsync();
        await TickAfterAsync(29);
        Assert.Single(_killsSent);
        var watching = Assert.Single(Status().Restart!.InFlight);
        Assert.Equal(replacement0, watching.TaskId);
        Assert.Equal(29, watching.WatchedSecs);

        await TickAfterAsync(1);
        Assert.Equal((original[1], ScheduleStatus.RESTARTING), _killsSent[^1]);
        Assert.Equal([0], Status().Restart!.Done.ToArray());

        // Instance 1's replacement runs unhealthy (no watch time), then fails: the restart fails, instance 2 is left alone.
        await UpdateAsync(original[1], TaskState.TASK_KILLED);
        var replacement1 = Assert.Single(await OfferAsync());
        await UpdateAsync(replacement1, TaskState.TASK_RUNNING, healthy: false);
        await TickAfterAsync(60);
        Assert.Equal(2, _killsSent.Count);
        Assert.Null(Assert.Single(Status().Restart!.InFlight).WatchedSecs);
        await UpdateAsync(replacement1, TaskState.TASK_FAILED);

        restart = Status().Restart!;
        Assert.Equal(RolloutPhase.Failed, restart.State);
        Assert.StartsWith("1 instance failed, more than max_total_failures 0 (instance 1: 1 replacement failed", restart.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(restart.Failed).Instance);
        Assert.Equal([2], restart.Remaining.ToArray());
        await TickAfterAsync(120);
        Assert.Equal(2, _killsSent.Count);
        Assert.Equal(original[2], TaskOf(2));
        Assert.Equal(ScheduleStatus.RUNNING, Status().InstanceStatuses[2].Status);

        // The restart's record is in the store, and a new restart may start now that this one ended.
        var stored = (await _store!.LoadAsync(default)).Rollouts[Key.ToString()].Value;
        Assert.Equal(RolloutPhase.Failed, stored.Phase);
        Assert.Equal(restart.Reason, stored.Reason);
        Assert.Null((await Core.RestartAsync(Key, [2], new RolloutSettings(WatchSecs: 0), default)).Problem);
        Assert.Equal((original[2], ScheduleStatus.RESTARTING), _killsSent[^1]);
    }

    [Fact]
    public async Task ARestartGoesOnAfterTheSchedulerReloadsItsStore()
    {
        Assert.Null((await Core.CreateAsync(JobsCluster.Job("rolling", 2, "sleep 300"), default)).Problem);
        foreach (var id in await OfferAsync())
            await UpdateAsync(id, TaskState.TASK_RUNNING);
        var first = TaskOf(0);
        Assert.Null((await Core.RestartAsync(Key, null, new RolloutSettings(WatchSecs: 10), default)).Problem);

        // A new core over the same store (the scheduler restarted) picks the restart up.
        _core = new JobsCore(_store!, await _store!.LoadAsync(default),
            new JobsSchedulerOptions { Master = new Uri("http://127.0.0.1:1"), DataDir = _dir.Path }, _clock,
            () => new Guid(++_ids, 0, 0, new byte[8]), NullLogger.Instance);
        await Core.OnSubscribedAsync("fw-1", new Uri("http://127.0.0.1:1"), SendAsync, default);
        Assert.Equal(RolloutPhase.Rolling, Status().Restart!.State);

        await UpdateAsync(first, TaskState.TASK_KILLED);
        await LaunchReplacementRunningAsync();
        await TickAfterAsync(10);
        Assert.Equal(ScheduleStatus.RESTARTING, Status().InstanceStatuses[1].Status);
    }

    [Theory]
    [InlineData(0, 30, "batch_size: must be at least 1, not 0")]
    [InlineData(1, -5, "watch_secs: must be at least 0, not -5")]
    public async Task BadSettingsAre400AndChangeNothing(int batch, int watch, string expected)
    {
        Assert.Null((await Core.CreateAsync(JobsCluster.Job("rolling", 1, "sleep 300"), default)).Problem);
        foreach (var id in await OfferAsync())
            await UpdateAsync(id, TaskState.TASK_RUNNING);

        var refused = await Core.RestartAsync(Key, null, new RolloutSettings(batch, watch), default);

        Assert.Equal(new ApiProblem(400, expected), refused.Problem);
        Assert.Null(Status().Restart);
        Assert.Empty(_killsSent);
        Assert.Empty((await _store!.LoadAsync(default)).Rollouts);
    }

    [Fact]
    public async Task ASecondRestartWhileOneRollsIsAConflict()
    {
        Assert.Null((await Core.CreateAsync(JobsCluster.Job("rolling", 1, "sleep 300"), default)).Problem);
        foreach (var id in await OfferAsync())
            await UpdateAsync(id, TaskState.TASK_RUNNING);
        Assert.Null((await Core.RestartAsync(Key, null, new RolloutSettings(), default)).Problem);

        var again = await Core.RestartAsync(Key, null, new RolloutSettings(), default);

        Assert.Equal(409, again.Problem!.StatusCode);
        Assert.Single(_killsSent);
    }

    [Fact]
    public async Task ATaskGivenUpOnIsKilledWhenReportedRunningButNotWhileStillUnreachable()
    {
        Assert.Null((await Core.CreateAsync(JobsCluster.Job("rolling", 1, "sleep 300"), default)).Problem);
        var first = Assert.Single(await OfferAsync());
        await UpdateAsync(first, TaskState.TASK_RUNNING);
        await UpdateAsync(first, TaskState.TASK_UNREACHABLE);
        await TickAfterAsync(1); // the default partition policy gives it up at once: LOST, replaced
        Assert.NotEqual(first, TaskOf(0));
        _calls.Clear();

        await UpdateAsync(first, TaskState.TASK_UNREACHABLE);
        Assert.DoesNotContain(_calls, c => c.Type == SchedulerCallType.KILL);

        await UpdateAsync(first, TaskState.TASK_RUNNING);
        var kill = Assert.Single(_calls, c => c.Type == SchedulerCallType.KILL);
        Assert.Equal(first, kill.Kill!.TaskId.Value);
    }

    [Fact]
    public async Task TheSchedulerReconcilesImplicitlyEveryInterval()
    {
        _calls.Clear();
        await TickAfterAsync(14 * 60);
        Assert.DoesNotContain(_calls, c => c.Type == SchedulerCallType.RECONCILE);
        await TickAfterAsync(60);
        var reconcile = Assert.Single(_calls, c => c.Type == SchedulerCallType.RECONCILE);
        Assert.Empty(reconcile.Reconcile!.Tasks!);
    }

    [Fact]
    public async Task ARestartStuckOnAReplacementThatCannotBePlacedCanBeAborted()
    {
        Assert.Null((await Core.CreateAsync(JobsCluster.Job("rolling", 2, "sleep 300"), default)).Problem);
        foreach (var id in await OfferAsync())
            await UpdateAsync(id, TaskState.TASK_RUNNING);
        Assert.Equal(409, (await Core.AbortRestartAsync(Key, default)).Problem!.StatusCode);
        Assert.Null((await Core.RestartAsync(Key, null, new RolloutSettings(BatchSize: 1, WatchSecs: 30), default)).Problem);
        var restarted = Assert.Single(_killsSent).TaskId;
        await UpdateAsync(restarted, TaskState.TASK_KILLED);
        await TickAfterAsync(600); // no offer comes: the replacement stays PENDING, the restart waits
        Assert.Equal(RolloutPhase.Rolling, Status().Restart!.State);
        Assert.Equal(409, (await Core.RestartAsync(Key, null, new RolloutSettings(), default)).Problem!.StatusCode);

        var aborted = await Core.AbortRestartAsync(Key, default);

        Assert.Equal("restart of devcluster/www-data/test/rolling aborted on request; not restarted: 1", aborted.Value!.Message);
        Assert.Equal(RolloutPhase.Aborted, Status().Restart!.State);
        Assert.Single(_killsSent); // instance 1 was left alone
        Assert.Null((await Core.RestartAsync(Key, [1], new RolloutSettings(WatchSecs: 0), default)).Problem);
    }

    [Fact]
    public async Task EndedTasksAreForgottenPastTheHistoryPolicyButNotTheLatest()
    {
        Assert.Null((await Core.CreateAsync(JobsCluster.Job("rolling", 1, "exit 1"), default)).Problem);
        for (var run = 0; run < 4; run++)
        {
            var launched = Assert.Single(await OfferAsync());
            await UpdateAsync(launched, TaskState.TASK_RUNNING);
            await UpdateAsync(launched, TaskState.TASK_FAILED);
            await TickAfterAsync(600); // past the flapping penalty: the replacement is PENDING again
        }
        Assert.Equal(5, Core.TaskCount); // four failed, one pending

        await TickAfterAsync(TimeSpan.FromDays(2).TotalSeconds);

        Assert.Equal(1, Core.TaskCount);
        Assert.Equal(ScheduleStatus.PENDING, Status().InstanceStatuses[0].Status);
        Assert.Single((await _store!.LoadAsync(default)).Tasks);
    }
}
