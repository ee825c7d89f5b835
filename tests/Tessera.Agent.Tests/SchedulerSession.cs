using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests;

/// <summary>A real master and agent (<see cref="AgentFixture"/>) with a framework subscribed over the v1 API and its first offer.</summary>
internal sealed class SchedulerSession : IAsyncDisposable
{
    private SchedulerSession(AgentFixture cluster, TestScheduler scheduler, Offer offer)
    {
        Cluster = cluster;
        Scheduler = scheduler;
        Offer = offer;
    }

    public AgentFixture Cluster { get; }
    public TestScheduler Scheduler { get; }
    public Offer Offer { get; }
    public string AgentId => Cluster.Agent.AgentId!;

    public static async Task<SchedulerSession> StartAsync(Func<Tessera.Agent.Hosting.AgentOptions, Tessera.Agent.Hosting.AgentOptions>? tweak = null)
    {
        var cluster = await AgentFixture.StartAsync(tweak: tweak);
        var scheduler = new TestScheduler(cluster.Master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info("agent-e2e", FrameworkCapabilityType.TASK_KILLING_STATE));
        var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        return new SchedulerSession(cluster, scheduler, offer);
    }

    public Task LaunchAsync(TaskInfo task) => Scheduler.CallAsync(Calls.Launch(Offer, task));

    /// <summary>The task's updates, each acknowledged, until one matches <paramref name="until"/>; all of them in order, re-sent copies once.</summary>
    public async Task<List<MesosTaskStatus>> UpdatesAsync(string taskId, Func<MesosTaskStatus, bool> until, TimeSpan? timeout = null)
    {
        var seen = new List<MesosTaskStatus>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var status = await Scheduler.NextUpdateAsync(taskId, deadline - DateTime.UtcNow);
            if (status.Uuid is not null) await Scheduler.CallAsync(Calls.Acknowledge(status));
            // The agent re-sends an update until its acknowledgement arrives: a copy (same uuid) is not a new update.
            if (status.Uuid is not null && seen.Any(s => s.Uuid == status.Uuid)) continue;
            seen.Add(status);
            if (until(status)) return seen;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Scheduler.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
