using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Harness;

/// <summary>
/// A framework subscribed to the fixture's master over the real v1 Scheduler API that launches
/// command tasks on the fixture's agent, acknowledges every update and remembers each task's latest state.
/// </summary>
internal sealed class TaskLauncher : IAsyncDisposable
{
    private readonly AgentFixture _fixture;
    private readonly Dictionary<string, TaskState> _states = [];

    private TaskLauncher(AgentFixture fixture, TestScheduler scheduler)
    {
        _fixture = fixture;
        Scheduler = scheduler;
    }

    public TestScheduler Scheduler { get; }

    public string FrameworkId => Scheduler.FrameworkId!;

    public static async Task<TaskLauncher> StartAsync(AgentFixture fixture)
    {
        var scheduler = new TestScheduler(fixture.Master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info("agent-http", FrameworkCapabilityType.TASK_KILLING_STATE));
        return new TaskLauncher(fixture, scheduler);
    }

    /// <summary>Launches shell commands as tasks (1 cpu, 128 MB each) from the next offer.</summary>
    public async Task LaunchAsync(params (string Id, string Command)[] tasks)
    {
        var offer = (await Scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        using var reply = await Scheduler.CallAsync(Calls.Launch(offer, [.. tasks.Select(t => Calls.Task(t.Id, _fixture.Agent.AgentId!, command: t.Command))]));
        Assert.True(reply.IsSuccessStatusCode, $"ACCEPT answered {(int)reply.StatusCode}");
    }

    /// <summary>Launches the given tasks from the next offer.</summary>
    public async Task LaunchAsync(params TaskInfo[] tasks)
    {
        var offer = (await Scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        using var reply = await Scheduler.CallAsync(Calls.Launch(offer, tasks));
        Assert.True(reply.IsSuccessStatusCode, $"ACCEPT answered {(int)reply.StatusCode}");
    }

    /// <summary>Reads updates (acknowledging each) until <paramref name="taskId"/> is in <paramref name="state"/>.</summary>
    public async Task UntilAsync(string taskId, TaskState state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!(_states.TryGetValue(taskId, out var seen) && seen == state))
        {
            var status = (await Scheduler.NextAsync(SchedulerEventType.UPDATE, deadline - DateTime.UtcNow)).Update!.Status;
            if (status.Uuid is not null) (await Scheduler.CallAsync(Calls.Acknowledge(status))).Dispose();
            _states[status.TaskId.Value] = status.State;
        }
    }

    /// <summary>The task's sandbox on the host, asked of the agent loop.</summary>
    public Task<string> SandboxAsync(string taskId) =>
        _fixture.Agent.Runtime.AskAsync(rt => rt.Tasks.Values.Single(t => t.TaskId == taskId).Sandbox);

    public ValueTask DisposeAsync() => Scheduler.DisposeAsync();
}
