using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;

namespace Tessera.Master.Tests.Scheduler;

public sealed class ReviveTests
{
    [Fact]
    public async Task ReviveAllocatesAtOnceInsteadOfAtTheNextTick()
    {
        // A tick an hour away: any offer within seconds comes from the REVIVE itself.
        await using var master = await TestMaster.StartAsync(o => o with { AllocationInterval = TimeSpan.FromHours(1) });
        await using var agent = new FakeAgent(master.Address);
        await agent.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info("reviver"));
        Assert.Null(await scheduler.MaybeNextAsync(SchedulerEventType.OFFERS, TimeSpan.FromMilliseconds(500)));

        await scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.REVIVE, Revive = new ReviveCall() });

        var offers = (await scheduler.NextAsync(SchedulerEventType.OFFERS, TimeSpan.FromSeconds(5))).Offers!.Offers!;
        Assert.Equal(agent.Id, Assert.Single(offers).AgentId.Value);
    }
}
