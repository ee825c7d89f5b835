using System.Net;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;

namespace Tessera.Master.Tests.Scheduler;

public sealed class FailoverAndReconcileTests
{
    /// <summary>A master, an agent, a subscribed scheduler and one running task "t1" (acknowledged).</summary>
    private sealed class World : IAsyncDisposable
    {
        public required TestMaster Master { get; init; }
        public required FakeAgent Agent { get; init; }
        public required TestScheduler Scheduler { get; init; }
        public required FrameworkInfo Info { get; init; }

        public static async Task<World> StartAsync(Func<Hosting.MasterOptions, Hosting.MasterOptions>? configure = null, params FrameworkCapabilityType[] caps)
        {
            var master = await TestMaster.StartAsync(configure);
            var agent = new FakeAgent(master.Address);
            await agent.StartAsync();
            var scheduler = new TestScheduler(master.Address);
            var info = TestScheduler.Info("world", caps);
            await scheduler.SubscribeAsync(info);
            var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("t1", agent.Id!)));
            await agent.NextAsync(AgentCommandType.RUN_TASK);
            await agent.SendStatusAsync(scheduler.FrameworkId!, "t1", TaskState.TASK_RUNNING);
            await scheduler.CallAsync(Calls.Acknowledge(await scheduler.NextUpdateAsync("t1")));
            return new World { Master = master, Agent = agent, Scheduler = scheduler, Info = info };
        }

        public async ValueTask DisposeAsync()
        {
            await Scheduler.DisposeAsync();
            await Agent.DisposeAsync();
            await Master.DisposeAsync();
        }
    }

    [Fact]
    public async Task ImplicitAndExplicitReconciliation()
    {
        await using var w = await World.StartAsync();
        await w.Scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.RECONCILE, Reconcile = new ReconcileCall() });
        var known = await w.Scheduler.NextUpdateAsync("t1");
        Assert.Equal(TaskState.TASK_RUNNING, known.State);
        Assert.Equal(TaskStatusReason.REASON_RECONCILIATION, known.Reason);
        Assert.Null(known.Uuid);

        await w.Scheduler.CallAsync(new SchedulerCall
        {
            Type = SchedulerCallType.RECONCILE,
            Reconcile = new ReconcileCall { Tasks = [new ReconcileTask { TaskId = TaskID.Of("ghost"), AgentId = AgentID.Of(w.Agent.Id!) }] },
        });
        var ghost = await w.Scheduler.NextUpdateAsync("ghost");
        Assert.Equal(TaskState.TASK_LOST, ghost.State); // TASK_GONE mapped for a framework that isn't partition-aware
        Assert.Equal(TaskStatusReason.REASON_RECONCILIATION, ghost.Reason);
    }

    [Fact]
    public async Task PartitionAwareFrameworksSeeTheRealStates()
    {
        await using var w = await World.StartAsync(null, FrameworkCapabilityType.PARTITION_AWARE);
        await w.Scheduler.CallAsync(new SchedulerCall
        {
            Type = SchedulerCallType.RECONCILE,
            Reconcile = new ReconcileCall { Tasks = [new ReconcileTask { TaskId = TaskID.Of("ghost"), AgentId = AgentID.Of(w.Agent.Id!) }, new ReconcileTask { TaskId = TaskID.Of("nowhere") }] },
        });
        Assert.Equal(TaskState.TASK_GONE, (await w.Scheduler.NextUpdateAsync("ghost")).State);
        Assert.Equal(TaskState.TASK_UNKNOWN, (await w.Scheduler.NextUpdateAsync("nowhere")).State);
    }

    [Fact]
    public async Task FailoverKeepsTasksAndResendsUnacknowledgedUpdates()
    {
        await using var w = await World.StartAsync();
        var frameworkId = w.Scheduler.FrameworkId!;
        // An update arrives while the scheduler is away: the master keeps it for the new stream.
        await w.Scheduler.DisconnectAsync();
        var (status, uuid) = await w.Agent.SendStatusAsync(frameworkId, "t1", TaskState.TASK_FINISHED);
        Assert.Equal(HttpStatusCode.Accepted, status);

        await using var again = new TestScheduler(w.Master.Address);
        var subscribed = await again.SubscribeAsync(w.Info, frameworkId);
        Assert.Equal(frameworkId, subscribed.Subscribed!.FrameworkId.Value);
        var resent = await again.NextUpdateAsync("t1");
        Assert.Equal(TaskState.TASK_FINISHED, resent.State);
        Assert.Equal(uuid, resent.Uuid);
        Assert.DoesNotContain(w.Agent.Commands, c => c.Type == AgentCommandType.SHUTDOWN_FRAMEWORK);
        // The old stream id is dead, the new one works.
        Assert.Equal(HttpStatusCode.Forbidden, (await again.CallAsync(Calls.Simple(SchedulerCallType.REVIVE), streamId: w.Scheduler.StreamId)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await again.CallAsync(Calls.Acknowledge(resent))).StatusCode);
    }

    [Fact]
    public async Task FailoverTimeoutRemovesTheFrameworkAndShutsItDown()
    {
        await using var w = await World.StartAsync();
        var frameworkId = w.Scheduler.FrameworkId!;
        // Re-subscribe with a 0.3 s failover timeout, then vanish.
        await using var shortLived = new TestScheduler(w.Master.Address);
        await shortLived.SubscribeAsync(w.Info with { FailoverTimeout = 0.3 }, frameworkId);
        await shortLived.DisconnectAsync();
        // 0.3 s, then the master's next expiry tick; the wait is generous for a loaded CI machine.
        var shutdown = await w.Agent.NextAsync(AgentCommandType.SHUTDOWN_FRAMEWORK, TimeSpan.FromSeconds(20));
        Assert.Equal(frameworkId, shutdown.ShutdownFramework!.FrameworkId.Value);
        // A removed framework can't come back: its stream carries one ERROR.
        await using var late = new TestScheduler(w.Master.Address);
        await Assert.ThrowsAsync<TimeoutException>(() => late.SubscribeAsync(w.Info, frameworkId));
        Assert.Contains(late.Received, e => e.Type == SchedulerEventType.ERROR && e.Error!.Message.Contains("removed"));
    }

    [Fact]
    public async Task TeardownKillsEverythingAndForgetsTheFramework()
    {
        await using var w = await World.StartAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await w.Scheduler.CallAsync(Calls.Simple(SchedulerCallType.TEARDOWN))).StatusCode);
        await w.Agent.NextAsync(AgentCommandType.SHUTDOWN_FRAMEWORK);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Scheduler.CallAsync(Calls.Simple(SchedulerCallType.REVIVE))).StatusCode);
    }

    [Theory]
    [InlineData(false, TaskState.TASK_LOST)]
    [InlineData(true, TaskState.TASK_UNREACHABLE)]
    public async Task SilentAgentBecomesUnreachable(bool partitionAware, TaskState expected)
    {
        var caps = partitionAware ? new[] { FrameworkCapabilityType.PARTITION_AWARE } : [];
        await using var w = await World.StartAsync(o => o with { AgentPingTimeout = TimeSpan.FromMilliseconds(100), MaxAgentPingTimeouts = 10 }, caps);
        await w.Scheduler.LatestOfferAsync();
        w.Agent.Silent = true;
        var rescind = await w.Scheduler.NextAsync(SchedulerEventType.RESCIND, TimeSpan.FromSeconds(10));
        // The offer outstanding then: on a loaded machine one more may have come after the quiet
        // spell LatestOfferAsync waits for, so any offer of the stream qualifies.
        var offered = w.Scheduler.Received.Where(e => e.Type == SchedulerEventType.OFFERS).SelectMany(e => e.Offers!.Offers!).Select(o => o.Id).ToList();
        Assert.Contains(rescind.Rescind!.OfferId, offered);
        var lost = await w.Scheduler.NextUpdateAsync("t1");
        Assert.Equal(expected, lost.State);
        Assert.Equal(TaskStatusReason.REASON_AGENT_REMOVED, lost.Reason);
        Assert.Equal(TaskStatusSource.SOURCE_MASTER, lost.Source);
        if (partitionAware) Assert.NotNull(lost.UnreachableTime);

        // The agent comes back with the task still running: partition-aware frameworks see it again.
        w.Agent.Silent = false;
        var running = new MesosTask
        {
            Name = "t1",
            TaskId = TaskID.Of("t1"),
            FrameworkId = FrameworkID.Of(w.Scheduler.FrameworkId!),
            AgentId = AgentID.Of(w.Agent.Id!),
            State = TaskState.TASK_RUNNING,
            Resources = Calls.Task("t1", w.Agent.Id!).Resources,
        };
        await w.Agent.StartAsync(w.Agent.Id, [running]);
        if (partitionAware)
            Assert.Equal(TaskState.TASK_RUNNING, (await w.Scheduler.NextUpdateAsync("t1")).State);
    }

    [Fact]
    public async Task ReregistrationReconcilesBothWays()
    {
        await using var w = await World.StartAsync();
        // The agent restarts and no longer has t1, but reports a task of a framework that is gone.
        var stray = new MesosTask
        {
            Name = "stray",
            TaskId = TaskID.Of("stray"),
            FrameworkId = FrameworkID.Of("removed-framework"),
            AgentId = AgentID.Of(w.Agent.Id!),
            State = TaskState.TASK_RUNNING,
        };
        await w.Agent.StartAsync(w.Agent.Id, [stray]);
        var gone = await w.Scheduler.NextUpdateAsync("t1");
        Assert.Equal(TaskState.TASK_LOST, gone.State);
        Assert.Equal(TaskStatusReason.REASON_AGENT_REREGISTERED, gone.Reason);
        var shutdown = await w.Agent.NextAsync(AgentCommandType.SHUTDOWN_FRAMEWORK);
        Assert.Equal("removed-framework", shutdown.ShutdownFramework!.FrameworkId.Value);
    }

    [Fact]
    public async Task StatusFromUnknownAgentsOrFrameworksIsNotTaken()
    {
        await using var w = await World.StartAsync();
        var (unknownFramework, _) = await w.Agent.SendStatusAsync("no-such-framework", "x", TaskState.TASK_RUNNING);
        Assert.Equal(HttpStatusCode.NotFound, unknownFramework);
        await using var stranger = new FakeAgent(w.Master.Address);
        var response = await stranger.PostAsync("/agent/v1/status", new AgentStatusUpdate
        {
            AgentId = AgentID.Of("stranger"),
            FrameworkId = FrameworkID.Of(w.Scheduler.FrameworkId!),
            Status = new MesosTaskStatus { TaskId = TaskID.Of("t1"), State = TaskState.TASK_FAILED },
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
