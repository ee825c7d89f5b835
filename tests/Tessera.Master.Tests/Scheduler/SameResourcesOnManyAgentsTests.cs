using System.Net;
using System.Text;
using System.Text.Json;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;

namespace Tessera.Master.Tests.Scheduler;

/// <summary>
/// Agents of a real cluster all offer ports [31000-32000]: a framework holding offers from two of
/// them, and tasks using port 31000 on each, must not break the master's views (it once summed
/// them as one agent's resources, hit the disjointness check, and its loop stopped for good).
/// </summary>
public sealed class SameResourcesOnManyAgentsTests
{
    [Fact]
    public async Task OffersAndTasksOnAgentsWithTheSamePortsAreSummedAndTheMasterKeepsAnswering()
    {
        await using var master = await TestMaster.StartAsync();
        await using var a = new FakeAgent(master.Address, "a.test");
        await using var b = new FakeAgent(master.Address, "b.test");
        await a.StartAsync();
        await b.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info("many"));

        var offers = new Dictionary<string, Offer>();
        while (offers.Count < 2)
            foreach (var offer in (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers!)
                offers[offer.AgentId.Value] = offer;
        var frameworks = await QueryAsync(master, "GET_FRAMEWORKS");
        var offered = frameworks.GetProperty("get_frameworks").GetProperty("frameworks")[0].GetProperty("offered_resources");
        Assert.Equal(8, Scalar(offered, "cpus"));

        foreach (var (agent, offer) in offers)
            Assert.Equal(HttpStatusCode.Accepted, (await scheduler.CallAsync(Calls.Launch(offer, Calls.Task($"t-{agent}", agent, "cpus:1;mem:128;ports:[31000-31000]")))).StatusCode);
        await a.NextAsync(Tessera.Core.AgentLink.AgentCommandType.RUN_TASK);
        await b.NextAsync(Tessera.Core.AgentLink.AgentCommandType.RUN_TASK);

        var allocated = (await QueryAsync(master, "GET_FRAMEWORKS")).GetProperty("get_frameworks").GetProperty("frameworks")[0].GetProperty("allocated_resources");
        Assert.Equal(2, Scalar(allocated, "cpus"));
        Assert.Equal(256, Scalar(allocated, "mem"));
        Assert.Equal(2, (await QueryAsync(master, "GET_TASKS")).GetProperty("get_tasks").GetProperty("tasks").GetArrayLength());
    }

    private static double Scalar(JsonElement resources, string name) =>
        resources.EnumerateArray().Where(r => r.GetProperty("name").GetString() == name).Sum(r => r.GetProperty("scalar").GetProperty("value").GetDouble());

    private static async Task<JsonElement> QueryAsync(TestMaster master, string type)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var response = await master.Http.PostAsync("/api/v1", new StringContent($$"""{"type":"{{type}}"}""", Encoding.UTF8, "application/json"), cts.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cts.Token)).RootElement.Clone();
    }
}
