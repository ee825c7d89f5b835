using System.Net;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Core.Resources;
using Tessera.Master.Tests.Harness;

namespace Tessera.Master.Tests.Scheduler;

public sealed class OfferAndLaunchTests
{
    private static async Task<(TestMaster Master, FakeAgent Agent, TestScheduler Scheduler, Offer Offer)> Setup(params FrameworkCapabilityType[] caps)
    {
        var master = await TestMaster.StartAsync();
        var agent = new FakeAgent(master.Address) { Attributes = [new AgentAttribute { Name = "rack", Type = ValueKind.TEXT, Text = new ValueText { Value = "r1" } }] };
        await agent.StartAsync();
        var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info("test", caps));
        var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        return (master, agent, scheduler, offer);
    }

    private static async Task Teardown(TestMaster master, FakeAgent agent, TestScheduler scheduler)
    {
        await scheduler.DisposeAsync();
        await agent.DisposeAsync();
        await master.DisposeAsync();
    }

    [Fact]
    public async Task OffersCarryWhatClientsReadAsMesosWritesIt()
    {
        var (master, agent, scheduler, offer) = await Setup();
        try
        {
            Assert.Equal(scheduler.FrameworkId, offer.FrameworkId.Value);
            Assert.Equal(agent.Id, offer.AgentId.Value);
            Assert.Equal("agent1.test", offer.Hostname);
            Assert.Equal("http", offer.Url!.Scheme);
            Assert.Equal(5051, offer.Url.Address.Port);
            Assert.Equal("*", offer.AllocationInfo!.Role);
            Assert.Equal("r1", offer.Attributes![0].Text!.Value);
            Assert.All(offer.Resources!, r => Assert.Equal("*", r.AllocationInfo!.Role));
            Assert.All(offer.Resources!, r => Assert.Equal("*", r.Role));
            Assert.Equal(agent.Resources, ResourceWireForm.FromWire(offer.Resources!).WithoutAllocation());
        }
        finally { await Teardown(master, agent, scheduler); }
    }

    [Fact]
    public async Task LaunchUpdateAcknowledgeAndReoffer()
    {
        var (master, agent, scheduler, offer) = await Setup();
        try
        {
            var response = await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("t1", agent.Id!, "cpus:1;mem:128")));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var run = await agent.NextAsync(AgentCommandType.RUN_TASK);
            Assert.Equal("t1", run.RunTask!.Task.TaskId.Value);
            Assert.Equal(scheduler.FrameworkId, run.RunTask.FrameworkInfo.Id!.Value);
            Assert.All(run.RunTask.Task.Resources!, r => Assert.Equal("*", r.AllocationInfo!.Role));

            // The unused part comes back at the next allocation tick, not seconds later.
            var reoffer = (await scheduler.NextAsync(SchedulerEventType.OFFERS, TimeSpan.FromSeconds(2))).Offers!.Offers![0];
            Assert.Equal(3, ResourceWireForm.FromWire(reoffer.Resources!).Cpus);
            await scheduler.CallAsync(Calls.Decline(reoffer, 3600));

            var (status, uuid) = await agent.SendStatusAsync(scheduler.FrameworkId!, "t1", TaskState.TASK_RUNNING);
            Assert.Equal(HttpStatusCode.Accepted, status);
            var update = await scheduler.NextUpdateAsync("t1");
            Assert.Equal(TaskState.TASK_RUNNING, update.State);
            Assert.Equal(uuid, update.Uuid);
            Assert.Equal(agent.Id, update.AgentId!.Value);
            Assert.Equal(HttpStatusCode.Accepted, (await scheduler.CallAsync(Calls.Acknowledge(update))).StatusCode);
            var ack = await agent.NextAsync(AgentCommandType.ACKNOWLEDGE_UPDATE);
            Assert.Equal(uuid, ack.AcknowledgeUpdate!.Uuid);

            // The task ends: its cpu is free again and offered (the rest stays filtered by the decline).
            await agent.SendStatusAsync(scheduler.FrameworkId!, "t1", TaskState.TASK_FINISHED);
            var finished = await scheduler.NextUpdateAsync("t1");
            Assert.Equal(TaskState.TASK_FINISHED, finished.State);
            await scheduler.CallAsync(Calls.Acknowledge(finished));
            var freed = (await scheduler.NextAsync(SchedulerEventType.OFFERS, TimeSpan.FromSeconds(2))).Offers!.Offers![0];
            Assert.Equal(4, ResourceWireForm.FromWire(freed.Resources!).Cpus);
        }
        finally { await Teardown(master, agent, scheduler); }
    }

    [Theory]
    [InlineData("cpus:8;mem:128", "needs")]
    [InlineData("cpus:0;mem:0", "uses no resources")]
    public async Task InvalidTasksBecomeTaskErrorWithAReason(string resources, string message)
    {
        var (master, agent, scheduler, offer) = await Setup();
        try
        {
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("bad", agent.Id!, resources)));
            var update = await scheduler.NextUpdateAsync("bad");
            Assert.Equal(TaskState.TASK_ERROR, update.State);
            Assert.Equal(TaskStatusReason.REASON_TASK_INVALID, update.Reason);
            Assert.Equal(TaskStatusSource.SOURCE_MASTER, update.Source);
            Assert.Null(update.Uuid);
            Assert.Contains(message, update.Message);
            Assert.DoesNotContain(agent.Commands, c => c.Type == AgentCommandType.RUN_TASK);
        }
        finally { await Teardown(master, agent, scheduler); }
    }

    [Fact]
    public async Task DuplicateIdsAndCommandPlusExecutorAreRejected()
    {
        var (master, agent, scheduler, offer) = await Setup();
        try
        {
            var both = Calls.Task("both", agent.Id!) with
            {
                Executor = new ExecutorInfo { ExecutorId = ExecutorID.Of("e"), Command = new CommandInfo { Value = "x" } },
            };
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("dup", agent.Id!), Calls.Task("dup", agent.Id!), both, Calls.Task("a/b", agent.Id!)));
            // The first "dup" launches; the second and the others are refused.
            Assert.Equal("dup", (await agent.NextAsync(AgentCommandType.RUN_TASK)).RunTask!.Task.TaskId.Value);
            var dup = await scheduler.NextUpdateAsync("dup");
            Assert.Contains("already in use", dup.Message);
            Assert.Contains("exactly one of", (await scheduler.NextUpdateAsync("both")).Message);
            Assert.Contains("must not contain '/'", (await scheduler.NextUpdateAsync("a/b")).Message);
        }
        finally { await Teardown(master, agent, scheduler); }
    }

    [Theory]
    [InlineData(false, TaskState.TASK_LOST)]
    [InlineData(true, TaskState.TASK_DROPPED)]
    public async Task InvalidOffersDropTheLaunch(bool partitionAware, TaskState expected)
    {
        var caps = partitionAware ? new[] { FrameworkCapabilityType.PARTITION_AWARE } : [];
        var (master, agent, scheduler, offer) = await Setup(caps);
        try
        {
            var stale = offer with { Id = OfferID.Of("no-such-offer") };
            await scheduler.CallAsync(Calls.Launch(stale, Calls.Task("t", agent.Id!)));
            var update = await scheduler.NextUpdateAsync("t");
            Assert.Equal(expected, update.State);
            Assert.Equal(TaskStatusReason.REASON_INVALID_OFFERS, update.Reason);
        }
        finally { await Teardown(master, agent, scheduler); }
    }

    [Fact]
    public async Task DeclineFiltersUntilReviveAndSuppressStopsOffers()
    {
        var (master, agent, scheduler, offer) = await Setup();
        try
        {
            await scheduler.CallAsync(Calls.Decline(offer, 3600));
            Assert.Null(await scheduler.MaybeNextAsync(SchedulerEventType.OFFERS, TimeSpan.FromMilliseconds(400)));
            await scheduler.CallAsync(Calls.Simple(SchedulerCallType.REVIVE));
            var again = (await scheduler.NextAsync(SchedulerEventType.OFFERS, TimeSpan.FromSeconds(2))).Offers!.Offers![0];
            await scheduler.CallAsync(Calls.Simple(SchedulerCallType.SUPPRESS));
            await scheduler.CallAsync(Calls.Decline(again, 0));
            Assert.Null(await scheduler.MaybeNextAsync(SchedulerEventType.OFFERS, TimeSpan.FromMilliseconds(400)));
            var bad = await scheduler.CallAsync(Calls.Simple(SchedulerCallType.REVIVE) with { Revive = new ReviveCall { Roles = ["nope"] } });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        finally { await Teardown(master, agent, scheduler); }
    }

    [Fact]
    public async Task KillGoesToTheAgentWithThePolicyOverride()
    {
        var (master, agent, scheduler, offer) = await Setup();
        try
        {
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("t1", agent.Id!)));
            await agent.NextAsync(AgentCommandType.RUN_TASK);
            var policy = new KillPolicy { GracePeriod = new DurationInfo { Nanoseconds = 7_000_000_000 } };
            await scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.KILL, Kill = new KillCall { TaskId = TaskID.Of("t1"), KillPolicy = policy } });
            var kill = await agent.NextAsync(AgentCommandType.KILL_TASK);
            Assert.Equal("t1", kill.KillTask!.TaskId.Value);
            Assert.Equal(7_000_000_000, kill.KillTask.KillPolicy!.GracePeriod!.Nanoseconds);
        }
        finally { await Teardown(master, agent, scheduler); }
    }

    [Fact]
    public async Task TaskGroupsLaunchTogetherOnOneExecutor()
    {
        var (master, agent, scheduler, offer) = await Setup();
        try
        {
            var executor = new ExecutorInfo
            {
                Type = ExecutorType.DEFAULT,
                ExecutorId = ExecutorID.Of("pod-1"),
                Resources = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:0.1;mem:32")),
            };
            var group = new OfferOperation
            {
                Type = OfferOperationType.LAUNCH_GROUP,
                LaunchGroup = new LaunchGroupOperation
                {
                    Executor = executor,
                    TaskGroup = new TaskGroupInfo { Tasks = [Calls.Task("g1", agent.Id!), Calls.Task("g2", agent.Id!)] },
                },
            };
            await scheduler.CallAsync(Calls.Accept([offer.Id], 0, group));
            var run = await agent.NextAsync(AgentCommandType.RUN_TASK_GROUP);
            Assert.Equal(["g1", "g2"], run.RunTaskGroup!.TaskGroup.Tasks!.Select(t => t.TaskId.Value));
            Assert.Equal("pod-1", run.RunTaskGroup.Executor.ExecutorId.Value);
            var reoffer = (await scheduler.NextAsync(SchedulerEventType.OFFERS, TimeSpan.FromSeconds(2))).Offers!.Offers![0];
            Assert.Equal(1.9, ResourceWireForm.FromWire(reoffer.Resources!).Cpus, 3);
            Assert.Equal(["pod-1"], reoffer.ExecutorIds!.Select(e => e.Value));
        }
        finally { await Teardown(master, agent, scheduler); }
    }

    [Fact]
    public async Task ReserveThenCreateAVolumeChangeWhatIsOffered()
    {
        await using var master = await TestMaster.StartAsync();
        await using var agent = new FakeAgent(master.Address);
        await agent.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info() with { Role = "web", Principal = "alice" });
        var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];

        var disk = Core.Resources.Resource.OfScalar("disk", 100).PushReservation(Reservation.Dynamic("web", "alice"));
        var reserve = new OfferOperation { Type = OfferOperationType.RESERVE, Reserve = new ReserveOperation { Resources = ResourceWireForm.ToWire(ResourceSet.Of(disk)) } };
        var volume = disk.WithDisk(new Core.Resources.DiskInfo(PersistenceId: "vol-1", PersistencePrincipal: "alice", ContainerPath: "data"));
        var create = new OfferOperation { Type = OfferOperationType.CREATE, Create = new CreateOperation { Volumes = ResourceWireForm.ToWire(ResourceSet.Of(volume)) } };
        await scheduler.CallAsync(Calls.Accept([offer.Id], 0, reserve, create));

        // One checkpoint per operation: first the reservation, then the volume.
        var afterReserve = ResourceWireForm.FromWire((await agent.NextAsync(AgentCommandType.APPLY_RESOURCES)).ApplyResources!.Total);
        Assert.Equal(100, afterReserve.ReservedTo("web").Disk);
        var afterCreate = ResourceWireForm.FromWire((await agent.NextAsync(AgentCommandType.APPLY_RESOURCES)).ApplyResources!.Total);
        Assert.Contains(afterCreate, r => r.Disk?.PersistenceId == "vol-1");
        var next = (await scheduler.NextAsync(SchedulerEventType.OFFERS, TimeSpan.FromSeconds(2))).Offers!.Offers![0];
        var offered = ResourceWireForm.FromWire(next.Resources!);
        var offeredVolume = Assert.Single(offered, r => r.Disk?.PersistenceId == "vol-1");
        Assert.Equal("web", offeredVolume.ReservationRole);
        Assert.Equal(9900, offered.Unreserved().Disk);
        // Without RESERVATION_REFINEMENT the reservation comes in the older role + reservation form.
        var wire = Assert.Single(next.Resources!, r => r.Disk?.Persistence is not null);
        Assert.Equal("web", wire.Role);
        Assert.Equal("alice", wire.Reservation!.Principal);
    }
}
