using System.Net;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;

namespace Tessera.Master.Tests.Scheduler;

public sealed class StatusBatchTests
{
    [Fact]
    public async Task BatchedUpdatesGetAReceiptEachAndAreDeliveredInOrder()
    {
        await using var master = await TestMaster.StartAsync();
        await using var agent = new FakeAgent(master.Address);
        await agent.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info());
        var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("a", agent.Id!), Calls.Task("b", agent.Id!)));

        AgentStatusUpdate Update(string framework, string task, TaskState state) => new()
        {
            AgentId = AgentID.Of(agent.Id!),
            FrameworkId = FrameworkID.Of(framework),
            Status = new MesosTaskStatus { TaskId = TaskID.Of(task), State = state, Uuid = ByteString.CopyFrom(Guid.NewGuid().ToByteArray()) },
        };
        var response = await agent.PostAsync("/agent/v1/statuses", new AgentStatusUpdates
        {
            Updates = [Update(scheduler.FrameworkId!, "a", TaskState.TASK_RUNNING), Update("unknown", "x", TaskState.TASK_RUNNING), Update(scheduler.FrameworkId!, "b", TaskState.TASK_FAILED)],
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipts = MesosJson.Deserialize<AgentStatusReceipts>(await response.Content.ReadAsStringAsync()).Receipts;
        Assert.Equal([202, 404, 202], receipts.Select(r => r.Code));
        Assert.Contains("unknown", receipts[1].Message);
        Assert.Equal(TaskState.TASK_RUNNING, (await scheduler.NextUpdateAsync("a")).State);
        Assert.Equal(TaskState.TASK_FAILED, (await scheduler.NextUpdateAsync("b")).State);
    }

    [Fact]
    public async Task ARetriedTerminalUpdateOfACompletedTaskIsForwardedButNotCompletedTwice()
    {
        await using var master = await TestMaster.StartAsync();
        await using var agent = new FakeAgent(master.Address);
        await agent.StartAsync();
        await using var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info());
        var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("once", agent.Id!)));
        var (status, uuid) = await agent.SendStatusAsync(scheduler.FrameworkId!, "once", TaskState.TASK_FINISHED);
        Assert.Equal(HttpStatusCode.Accepted, status);
        await scheduler.CallAsync(Calls.Acknowledge(await scheduler.NextUpdateAsync("once")));
        await agent.NextAsync(AgentCommandType.ACKNOWLEDGE_UPDATE);
        // The agent's retry crossed the acknowledgement: same update, same uuid.
        (status, _) = await agent.SendStatusAsync(scheduler.FrameworkId!, "once", TaskState.TASK_FINISHED, uuid);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var again = await scheduler.NextUpdateAsync("once");
        Assert.Equal((TaskState.TASK_FINISHED, uuid), (again.State, again.Uuid));
        await scheduler.CallAsync(Calls.Acknowledge(again));
        var (active, completed) = await master.Server.Loop.AskAsync(rt =>
        {
            var framework = rt.State.Frameworks[scheduler.FrameworkId!];
            return (framework.Tasks.Count, framework.CompletedTasks.Count(t => t.TaskId == "once"));
        });
        Assert.Equal((0, 1), (active, completed));
    }

    [Fact]
    public async Task OversizedBatchIsRefusedWhole()
    {
        await using var master = await TestMaster.StartAsync();
        await using var agent = new FakeAgent(master.Address);
        await agent.StartAsync();
        var update = new AgentStatusUpdate { AgentId = AgentID.Of(agent.Id!), FrameworkId = FrameworkID.Of("f"), Status = new MesosTaskStatus { TaskId = TaskID.Of("t"), State = TaskState.TASK_RUNNING } };
        var response = await agent.PostAsync("/agent/v1/statuses", new AgentStatusUpdates { Updates = [.. Enumerable.Repeat(update, 1001)] });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1000", await response.Content.ReadAsStringAsync());
    }
}
