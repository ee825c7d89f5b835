using System.Net;
using System.Text.Json;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Master.Tests.Hardening;

/// <summary>
/// Regressions for reliability-probe findings 2, 3 and 7 on the Scheduler API: a call is decoded
/// and checked whole before anything acts on it, and a refusal is a 400 naming the field.
/// </summary>
public sealed class SchedulerInputTests
{
    private static async Task<(TestMaster Master, FakeAgent Agent, TestScheduler Scheduler, Offer Offer)> SetupAsync()
    {
        var master = await TestMaster.StartAsync();
        var agent = new FakeAgent(master.Address);
        await agent.StartAsync();
        var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info("hardening"));
        var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        return (master, agent, scheduler, offer);
    }

    private static string Launch(TestScheduler scheduler, Offer offer, string taskId) =>
        MesosJson.Serialize(Calls.Launch(offer, Calls.Task(taskId, offer.AgentId.Value, "cpus:0.5;mem:64")) with { FrameworkId = FrameworkID.Of(scheduler.FrameworkId!) });

    [Fact]
    public async Task AnAcceptWithANullTaskIsRefusedWholeAndLaunchesNothing()
    {
        var (master, agent, scheduler, offer) = await SetupAsync();
        await using var _ = master;
        await using var __ = agent;
        await using var ___ = scheduler;
        var valid = Launch(scheduler, offer, "t1");
        var withNull = valid.Replace("\"task_infos\":[{", "\"task_infos\":[null,{", StringComparison.Ordinal)
            .Replace("}]}}]", "},null]}}]", StringComparison.Ordinal);

        using var refused = await scheduler.PostRawAsync(withNull, streamId: scheduler.StreamId);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("accept.operations[0].launch.task_infos[0]: must be an object, not null", await refused.Content.ReadAsStringAsync());
        await Task.Delay(300);
        Assert.DoesNotContain(agent.Commands, c => c.Type == AgentCommandType.RUN_TASK);

        // The offer was not touched: the same call without the nulls launches the task.
        using var accepted = await scheduler.PostRawAsync(valid, streamId: scheduler.StreamId);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("t1", (await agent.NextAsync(AgentCommandType.RUN_TASK)).RunTask!.Task.TaskId.Value);
    }

    [Theory]
    [InlineData("""{"type":"DECLINE","decline":{"offer_ids":[null]}}""", "decline.offer_ids[0]")]
    [InlineData("""{"type":"ACCEPT","accept":{"offer_ids":[null]}}""", "accept.offer_ids[0]")]
    [InlineData("""{"type":"ACCEPT","accept":{"offer_ids":[],"operations":[null]}}""", "accept.operations[0]")]
    [InlineData("""{"type":"ACCEPT","accept":{"offer_ids":[],"operations":[{"type":"LAUNCH_GROUP","launch_group":{"executor":{"executor_id":{"value":"e"}},"task_group":{"tasks":[null]}}}]}}""",
        "accept.operations[0].launch_group.task_group.tasks[0]")]
    [InlineData("""{"type":"RECONCILE","reconcile":{"tasks":[null]}}""", "reconcile.tasks[0]")]
    [InlineData("""{"type":"UPDATE_FRAMEWORK","update_framework":{"framework_info":{"user":"u","name":"n","capabilities":[null]}}}""",
        "update_framework.framework_info.capabilities[0]")]
    public async Task NullArrayElementsAre400NamingTheField(string body, string field)
    {
        var (master, agent, scheduler, _) = await SetupAsync();
        await using var m = master;
        await using var a = agent;
        await using var s = scheduler;
        var call = body.Replace("{\"type\":", $"{{\"framework_id\":{{\"value\":\"{scheduler.FrameworkId}\"}},\"type\":", StringComparison.Ordinal);

        using var response = await scheduler.PostRawAsync(call, streamId: scheduler.StreamId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field + ": must be", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SubscribeWithNullCapabilitiesIs400()
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        using var response = await scheduler.PostRawAsync("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n","capabilities":[null]}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("subscribe.framework_info.capabilities[0]: must be an object, not null", await response.Content.ReadAsStringAsync());
        Assert.Empty(JsonDocument.Parse(await master.Http.GetStringAsync("/master/state")).RootElement.GetProperty("frameworks").EnumerateArray());
    }

    [Theory]
    [InlineData("application/jsonx", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json; charset=latin1", HttpStatusCode.UnsupportedMediaType)]
    [InlineData(null, HttpStatusCode.BadRequest)]
    public async Task ContentTypeMustBeJsonExactly(string? contentType, HttpStatusCode expected)
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        using var response = await scheduler.PostRawAsync("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n"}}}""", contentType);

        Assert.Equal(expected, response.StatusCode);
        Assert.StartsWith("Content-Type: ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task JsonWithACharsetParameterIsJson()
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        using var response = await scheduler.PostRawAsync("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"n"}}}""", "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DuplicateKeysAreRefusedNotLastWins()
    {
        await using var master = await TestMaster.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        using var response = await scheduler.PostRawAsync("""{"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"u","name":"a","name":"b"}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("subscribe.framework_info.name: the key 'name' appears more than once", await response.Content.ReadAsStringAsync());
    }
}
