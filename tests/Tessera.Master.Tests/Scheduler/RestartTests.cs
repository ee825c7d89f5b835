using System.Net;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;

namespace Tessera.Master.Tests.Scheduler;

public sealed class RestartTests
{
    [Fact]
    public async Task AfterARestartAgentsReregisterFrameworksResubscribeAndGoneStaysGone()
    {
        var workDir = Directory.CreateTempSubdirectory("tessera-restart-").FullName;
        try
        {
            string keptAgent, goneAgent, frameworkId;
            var first = await TestMaster.StartAsync(o => o with { Registry = "sqlite" }, workDir);
            await using (var kept = new FakeAgent(first.Address, "kept.test"))
            await using (var gone = new FakeAgent(first.Address, "gone.test"))
            await using (var scheduler = new TestScheduler(first.Address))
            {
                keptAgent = await kept.StartAsync();
                goneAgent = await gone.StartAsync();
                await scheduler.SubscribeAsync(TestScheduler.Info());
                frameworkId = scheduler.FrameworkId!;
                Assert.Equal(200, (await first.Server.Loop.AskAsync(rt => rt.Agents.MarkGone(goneAgent))).Status);
                await first.StopAsync();
            }

            await using var second = await TestMaster.StartAsync(o => o with { Registry = "sqlite" }, workDir);
            Assert.Contains(keptAgent, await second.Server.Loop.AskAsync(rt => rt.State.RecoveredAgents.Keys.ToList()));
            await using var back = new FakeAgent(second.Address, "kept.test");
            Assert.Equal(keptAgent, await back.StartAsync(keptAgent));
            Assert.Empty(await second.Server.Loop.AskAsync(rt => rt.State.RecoveredAgents.Keys.ToList()));
            await using var ghost = new FakeAgent(second.Address, "gone.test");
            var refused = await ghost.RegisterRawAsync(goneAgent);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("gone", await refused.Content.ReadAsStringAsync());

            await using var again = new TestScheduler(second.Address);
            var subscribed = await again.SubscribeAsync(TestScheduler.Info(), frameworkId);
            Assert.Equal(frameworkId, subscribed.Subscribed!.FrameworkId.Value);
            var offer = (await again.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
            Assert.Equal(keptAgent, offer.AgentId.Value);
        }
        finally
        {
            if (Directory.Exists(workDir)) Directory.Delete(workDir, recursive: true);
        }
    }

    [Fact]
    public async Task AgentsThatDontComeBackAfterARestartBecomeUnreachable()
    {
        var workDir = Directory.CreateTempSubdirectory("tessera-restart-").FullName;
        try
        {
            var first = await TestMaster.StartAsync(o => o with { Registry = "sqlite" }, workDir);
            string agentId;
            await using (var agent = new FakeAgent(first.Address))
                agentId = await agent.StartAsync();
            await first.StopAsync();

            var second = await TestMaster.StartAsync(o => o with { Registry = "sqlite", AgentReregisterTimeout = TimeSpan.FromMilliseconds(200) }, workDir);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (await second.Server.Loop.AskAsync(rt => rt.State.RecoveredAgents.Count) > 0 && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            await second.StopAsync();

            await using var store = await Tessera.State.SqliteKeyValueStore.OpenAsync(Path.Combine(workDir, "registry.db"), CancellationToken.None);
            var registry = await Tessera.State.Registry.MasterRegistry.OpenAsync(store, TimeProvider.System, CancellationToken.None);
            var snapshot = await registry.LoadAsync(CancellationToken.None);
            Assert.Equal(Tessera.State.Registry.AgentRegistryState.Unreachable, snapshot.Agents[agentId].State);
        }
        finally
        {
            if (Directory.Exists(workDir)) Directory.Delete(workDir, recursive: true);
        }
    }
}
