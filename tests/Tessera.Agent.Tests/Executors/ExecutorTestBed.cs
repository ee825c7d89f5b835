using Tessera.Agent.Hosting;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Core.Resources;
using Tessera.Master.Tests.Harness;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Executors;

/// <summary>A real master and agent, a framework subscribed through the v1 Scheduler API, and its first offer.</summary>
internal sealed class ExecutorTestBed : IAsyncDisposable
{
    private ExecutorTestBed(AgentFixture fixture, TestScheduler scheduler, Offer offer)
    {
        Fixture = fixture;
        Scheduler = scheduler;
        Offer = offer;
    }

    public AgentFixture Fixture { get; }
    public TestScheduler Scheduler { get; }
    public Offer Offer { get; }
    public string AgentId => Fixture.Agent.AgentId!;

    /// <summary>The python executor, copied next to the test assembly.</summary>
    public static string Script => Path.Combine(AppContext.BaseDirectory, "Executors", "test_executor.py");

    public static async Task<ExecutorTestBed> StartAsync(Func<AgentOptions, AgentOptions>? tweak = null)
    {
        var fixture = await AgentFixture.StartAsync(tweak: tweak);
        var scheduler = new TestScheduler(fixture.Master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info("executors", FrameworkCapabilityType.TASK_KILLING_STATE));
        var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        return new ExecutorTestBed(fixture, scheduler, offer);
    }

    public static ExecutorInfo Custom(string executorId, string command) => new()
    {
        Type = ExecutorType.CUSTOM,
        ExecutorId = ExecutorID.Of(executorId),
        Command = new CommandInfo { Shell = true, Value = command },
        Resources = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:0.1;mem:32")),
    };

    /// <summary>A task for the python executor; <paramref name="behaviour"/> (finish, run, crash) goes in its data.</summary>
    public TaskInfo Task(string taskId, ExecutorInfo executor, string behaviour) =>
        Calls.Task(taskId, AgentId, "cpus:0.5;mem:64") with { Command = null, Executor = executor, Data = ByteString.FromUtf8(behaviour) };

    public Task<HttpResponseMessage> LaunchAsync(params TaskInfo[] tasks) => Scheduler.CallAsync(Calls.Launch(Offer, tasks));

    public Task<HttpResponseMessage> LaunchGroupAsync(ExecutorInfo executor, params TaskInfo[] tasks) =>
        Scheduler.CallAsync(Calls.Accept([Offer.Id], 0, new OfferOperation
        {
            Type = OfferOperationType.LAUNCH_GROUP,
            LaunchGroup = new LaunchGroupOperation { Executor = executor, TaskGroup = new TaskGroupInfo { Tasks = tasks } },
        }));

    /// <summary>Updates of the task, each acknowledged, until one in <paramref name="state"/>.</summary>
    public Task<MesosTaskStatus> UntilAsync(string taskId, TaskState state) => Scheduler.UntilAsync(taskId, state, TimeSpan.FromSeconds(20));

    /// <summary>Updates of several tasks, all acknowledged, until each has reached its state; the statuses in those states.</summary>
    public async Task<Dictionary<string, MesosTaskStatus>> UntilEachAsync(params (string Task, TaskState State)[] wanted)
    {
        var reached = new Dictionary<string, MesosTaskStatus>(StringComparer.Ordinal);
        while (reached.Count < wanted.Length)
        {
            var status = (await Scheduler.NextAsync(SchedulerEventType.UPDATE, TimeSpan.FromSeconds(20))).Update!.Status;
            if (status.Uuid is not null) await Scheduler.CallAsync(Calls.Acknowledge(status));
            var task = status.TaskId.Value;
            if (wanted.Any(w => w.Task == task && w.State == status.State)) reached[task] = status;
            else Assert.False(TaskStates.IsTerminal(status.State), $"task {task} ended {status.State} ({status.Reason}: {status.Message})");
        }
        return reached;
    }

    /// <summary>A MESSAGE event with this text (already received while waiting for something else, or still to come).</summary>
    public Task<MessageEvent> MessageAsync(string text) => Scheduler.MessageAsync(text);

    /// <summary>The FAILURE event for the executor (it may have come before the task's last update).</summary>
    public async Task<FailureEvent> FailureAsync(string executorId)
    {
        bool Match(SchedulerEvent e) => e.Type == SchedulerEventType.FAILURE && e.Failure!.ExecutorId?.Value == executorId;
        if (Scheduler.Received.FirstOrDefault(Match) is { } seen) return seen.Failure!;
        while (true)
        {
            var evt = await Scheduler.NextAsync(SchedulerEventType.FAILURE, TimeSpan.FromSeconds(20));
            if (Match(evt)) return evt.Failure!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Scheduler.DisposeAsync();
        await Fixture.DisposeAsync();
    }
}
