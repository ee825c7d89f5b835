using Tessera.Agent.Executors;
using Tessera.Agent.Hosting;
using Tessera.Agent.Tests.Executors;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Recovery;

/// <summary>Executors of a checkpointing framework across an agent restart on the same work dir and port.</summary>
public sealed class ExecutorRecoveryTests
{
    private static string Python => $"exec python3 {ExecutorTestBed.Script}";

    private const string WaitForGo = "while [ ! -e $MESOS_SANDBOX/go ]; do sleep 0.05; done";

    [Fact]
    public async Task CustomExecutorKeepsRunningSubscribesAgainAndFinishesItsTask()
    {
        await using var run = await RecoveryRun.StartAsync();
        await run.LaunchAsync(run.CustomTask("t1", "run"));
        await run.UntilAsync("t1", TaskState.TASK_RUNNING);
        var sandbox = await run.Agent.Runtime.AskAsync(rt => rt.Executors.Find(run.FrameworkId, "py")!.Sandbox);
        Assert.Equal(1, await run.RestartAsync());
        await run.UntilSubscribedAsync("py");
        // The new stream works both ways: the framework's message reaches the executor, its update the framework.
        await run.Scheduler.CallAsync(new SchedulerCall
        {
            Type = SchedulerCallType.MESSAGE,
            Message = new MessageCall { AgentId = AgentID.Of(run.AgentId), ExecutorId = ExecutorID.Of("py"), Data = ByteString.FromUtf8("finish:t1") },
        });
        var finished = await run.UntilAsync("t1", TaskState.TASK_FINISHED);
        Assert.Equal("finished on request", finished.Message);
        Assert.Equal(TaskStatusSource.SOURCE_EXECUTOR, finished.Source);
        // ACKNOWLEDGED reached the executor through the agent that recovered it.
        await run.MessageAsync("acked:t1");
        var log = await File.ReadAllLinesAsync(Path.Combine(sandbox, "executor.log"));
        Assert.Equal(2, log.Count(l => l == "event SUBSCRIBED"));
    }

    [Fact]
    public async Task AnUpdateTheExecutorSentWhileTheAgentWasAwayReachesTheFramework()
    {
        await using var run = await RecoveryRun.StartAsync();
        await run.LaunchAsync(run.CustomTask("t1", "away"));
        await run.UntilAsync("t1", TaskState.TASK_RUNNING);
        await run.RestartAsync(pause: TimeSpan.FromSeconds(1));
        var finished = await run.UntilAsync("t1", TaskState.TASK_FINISHED);
        Assert.Equal("finished while the agent was away", finished.Message);
        await run.MessageAsync("acked:t1");
    }

    [Fact]
    public async Task AnExecutorThatDoesNotSubscribeAgainInTimeIsKilledAndItsTaskFails()
    {
        await using var run = await RecoveryRun.StartAsync();
        await run.LaunchAsync(run.CustomTask("t1", "hang"));
        await run.UntilAsync("t1", TaskState.TASK_RUNNING);
        var pid = await run.Agent.Runtime.AskAsync(rt => rt.Executors.Find(run.FrameworkId, "py")!.Container!.Pid);
        await run.RestartAsync(o => o with { RecoveryTimeout = TimeSpan.FromSeconds(2) });
        var failed = await run.UntilAsync("t1", TaskState.TASK_FAILED);
        Assert.Equal(TaskStatusReason.REASON_EXECUTOR_REREGISTRATION_TIMEOUT, failed.Reason);
        Assert.Equal(TaskStatusSource.SOURCE_AGENT, failed.Source);
        Assert.Equal("py", failed.ExecutorId?.Value);
        Assert.False(Directory.Exists($"/proc/{pid}/task"), "the executor's container is gone");
    }

    [Fact]
    public async Task AnExecutorGivesUpAfterItsRecoveryTimeoutAndTheRestartedAgentReportsItsEnd()
    {
        // The executor is told MESOS_RECOVERY_TIMEOUT=1secs.
        await using var run = await RecoveryRun.StartAsync(o => o with { RecoveryTimeout = TimeSpan.FromSeconds(1) });
        await run.LaunchAsync(run.CustomTask("t1", "run"));
        await run.UntilAsync("t1", TaskState.TASK_RUNNING);
        var (pid, sandbox) = await run.Agent.Runtime.AskAsync(rt => rt.Executors.Find(run.FrameworkId, "py") is { } e ? (e.Container!.Pid, e.Sandbox) : default);
        await run.RestartAsync(whileAway: async () =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (Directory.Exists($"/proc/{pid}/task") && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.False(Directory.Exists($"/proc/{pid}/task"), "the executor gave up");
        });
        Assert.Contains("giving up: no agent within the recovery timeout", await File.ReadAllLinesAsync(Path.Combine(sandbox, "executor.log")));
        var failed = await run.UntilAsync("t1", TaskState.TASK_FAILED);
        Assert.Equal(TaskStatusReason.REASON_EXECUTOR_TERMINATED, failed.Reason);
        Assert.Equal("Executor exited with status 1", failed.Message);
    }

    [Fact]
    public async Task CleanupKillsTheExecutorAndDropsItsCheckpoint()
    {
        await using var run = await RecoveryRun.StartAsync();
        await run.LaunchAsync(run.CustomTask("t1", "run"));
        await run.UntilAsync("t1", TaskState.TASK_RUNNING);
        var pid = await run.Agent.Runtime.AskAsync(rt => rt.Executors.Find(run.FrameworkId, "py")!.Container!.Pid);
        await run.RestartAsync(o => o with { Recover = "cleanup" });
        var lost = await run.UntilAsync("t1", TaskState.TASK_LOST);
        Assert.Equal(TaskStatusReason.REASON_AGENT_REREGISTERED, lost.Reason);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists($"/proc/{pid}/task") && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.False(Directory.Exists($"/proc/{pid}/task"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(run.WorkDir, "meta"), "executor.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ADefaultExecutorTaskGroupSurvivesARestartAndFinishes()
    {
        await using var run = await RecoveryRun.StartAsync();
        var pod = new ExecutorInfo
        {
            Type = ExecutorType.DEFAULT,
            ExecutorId = ExecutorID.Of("pod"),
            Resources = Core.Resources.ResourceWireForm.ToWire(Core.Resources.ResourceSet.Parse("cpus:0.1;mem:32")),
        };
        await run.Scheduler.CallAsync(Calls.Accept([run.Offer.Id], 0, new OfferOperation
        {
            Type = OfferOperationType.LAUNCH_GROUP,
            LaunchGroup = new LaunchGroupOperation
            {
                Executor = pod,
                TaskGroup = new TaskGroupInfo { Tasks = [Calls.Task("a", run.AgentId, "cpus:0.5;mem:64", WaitForGo), Calls.Task("b", run.AgentId, "cpus:0.5;mem:64", WaitForGo)] },
            },
        }));
        await run.UntilAsync("a", TaskState.TASK_RUNNING);
        await run.UntilAsync("b", TaskState.TASK_RUNNING);
        var sandboxes = await run.Agent.Runtime.AskAsync(rt => rt.Executors.Find(run.FrameworkId, "pod")!.Tasks.Values.Select(t => t.Sandbox).ToList());
        Assert.Equal(2, await run.RestartAsync());
        foreach (var sandbox in sandboxes) await File.WriteAllTextAsync(Path.Combine(sandbox, "go"), "");
        var a = await run.UntilAsync("a", TaskState.TASK_FINISHED);
        var b = await run.UntilAsync("b", TaskState.TASK_FINISHED);
        Assert.Equal(("pod", "pod"), (a.ExecutorId?.Value, b.ExecutorId?.Value));
        Assert.Equal("Command exited with status 0", a.Message);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.EnumerateFiles(Path.Combine(run.WorkDir, "meta"), "executor.json", SearchOption.AllDirectories).Any() && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(run.WorkDir, "meta"), "executor.json", SearchOption.AllDirectories));
    }

    /// <summary>A master, an agent, a checkpointing framework with its first offer; the agent can be restarted on the same work dir and port.</summary>
    private sealed class RecoveryRun : IAsyncDisposable
    {
        private readonly string _dir;
        private readonly Master.Hosting.MasterServer _master;
        private AgentOptions _options;

        private RecoveryRun(string dir, Master.Hosting.MasterServer master, AgentOptions options, AgentHost agent, TestScheduler scheduler, Offer offer)
        {
            _dir = dir;
            _master = master;
            _options = options;
            Agent = agent;
            Scheduler = scheduler;
            Offer = offer;
        }

        public AgentHost Agent { get; private set; }
        public TestScheduler Scheduler { get; }
        public Offer Offer { get; }
        public string AgentId => Agent.AgentId!;
        public string FrameworkId => Scheduler.FrameworkId!;
        public string WorkDir => _options.WorkDir;

        public static async Task<RecoveryRun> StartAsync(Func<AgentOptions, AgentOptions>? tweak = null)
        {
            var dir = Directory.CreateTempSubdirectory("tessera-exrecovery-").FullName;
            var master = await AgentFixture.StartMasterAsync(dir);
            var options = AgentFixture.AgentOptionsFor(master.Address, Path.Combine(dir, "agent"));
            options = tweak is null ? options : tweak(options);
            var agent = await AgentHost.StartAsync(options);
            await agent.Registered.WaitAsync(TimeSpan.FromSeconds(20));
            // The executor finds the agent at MESOS_AGENT_ENDPOINT: the restarted agent listens on the same port.
            options = options with { Port = agent.Address.Port };
            var scheduler = new TestScheduler(master.Address);
            await scheduler.SubscribeAsync(TestScheduler.Info("exrecovery", FrameworkCapabilityType.TASK_KILLING_STATE) with { Checkpoint = true });
            var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
            return new RecoveryRun(dir, master, options, agent, scheduler, offer);
        }

        public TaskInfo CustomTask(string taskId, string behaviour) =>
            Calls.Task(taskId, AgentId, "cpus:0.5;mem:64") with { Command = null, Executor = ExecutorTestBed.Custom("py", Python), Data = ByteString.FromUtf8(behaviour) };

        public Task<HttpResponseMessage> LaunchAsync(params TaskInfo[] tasks) => Scheduler.CallAsync(Calls.Launch(Offer, tasks));

        /// <summary>Stops the agent leaving checkpointed work running, waits, starts it again; how many tasks were left running.</summary>
        public async Task<int> RestartAsync(Func<AgentOptions, AgentOptions>? tweak = null, TimeSpan? pause = null, Func<Task>? whileAway = null)
        {
            var agentId = AgentId;
            var kept = await Agent.StopAsync(killCheckpointed: false);
            await Agent.DisposeAsync();
            if (pause is { } p) await Task.Delay(p);
            if (whileAway is not null) await whileAway();
            _options = tweak is null ? _options : tweak(_options);
            Agent = await AgentHost.StartAsync(_options);
            await Agent.Registered.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(agentId, Agent.AgentId);
            return kept;
        }

        public async Task UntilSubscribedAsync(string executorId)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await Agent.Runtime.AskAsync(rt => rt.Executors.Find(FrameworkId, executorId) is not { State: ExecutorState.Subscribed, Stream: not null }))
            {
                Assert.True(DateTime.UtcNow < deadline, $"executor {executorId} did not subscribe again");
                await Task.Delay(50);
            }
        }

        public Task<MesosTaskStatus> UntilAsync(string taskId, TaskState state) => Scheduler.UntilAsync(taskId, state, TimeSpan.FromSeconds(30));

        public Task<MessageEvent> MessageAsync(string text) => Scheduler.MessageAsync(text);

        public async ValueTask DisposeAsync()
        {
            await Scheduler.DisposeAsync();
            await Agent.DisposeAsync();
            await _master.DisposeAsync();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
