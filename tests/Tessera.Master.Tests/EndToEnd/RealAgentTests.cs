using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Master.Tests.EndToEnd;

/// <summary>A real master, a real agent running real processes, and a scheduler over the v1 API.</summary>
public sealed class RealAgentTests
{
    private static async Task<(TestMaster Master, Agent.Hosting.AgentHost Agent, TestScheduler Scheduler, Offer Offer)> Setup(string? agentDir = null)
    {
        var master = await TestMaster.StartAsync();
        var agent = await RealAgent.StartAsync(master.Address, agentDir);
        var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info("e2e", FrameworkCapabilityType.TASK_KILLING_STATE));
        var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        return (master, agent, scheduler, offer);
    }

    private static async Task<MesosTaskStatus> UntilAsync(TestScheduler scheduler, string taskId, TaskState state, bool ack = true)
    {
        while (true)
        {
            var status = await scheduler.NextUpdateAsync(taskId, TimeSpan.FromSeconds(20));
            if (ack && status.Uuid is not null) await scheduler.CallAsync(Calls.Acknowledge(status));
            if (status.State == state) return status;
        }
    }

    [Fact]
    public async Task CommandRunsToFinishedWithItsOutputInTheSandbox()
    {
        var (master, agent, scheduler, offer) = await Setup();
        await using (master) await using (agent) await using (scheduler)
        {
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("hello", agent.AgentId!, command: "echo hello from $MESOS_TASK_ID; echo oops >&2")));
            var running = await UntilAsync(scheduler, "hello", TaskState.TASK_RUNNING);
            Assert.Equal(TaskStatusSource.SOURCE_EXECUTOR, running.Source);
            // The agent forgets the task once its last update is acknowledged: note the sandbox first.
            var sandbox = await agent.Runtime.AskAsync(rt => rt.Tasks.Values.Single(t => t.TaskId == "hello").Sandbox);
            var finished = await UntilAsync(scheduler, "hello", TaskState.TASK_FINISHED);
            Assert.Equal("Command exited with status 0", finished.Message);
            Assert.Equal("hello from hello\n", await File.ReadAllTextAsync(Path.Combine(sandbox, "stdout")));
            Assert.Equal("oops\n", await File.ReadAllTextAsync(Path.Combine(sandbox, "stderr")));
        }
    }

    [Fact]
    public async Task NonZeroExitFailsWithTheStatus()
    {
        var (master, agent, scheduler, offer) = await Setup();
        await using (master) await using (agent) await using (scheduler)
        {
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("bad", agent.AgentId!, command: "exit 3")));
            var failed = await UntilAsync(scheduler, "bad", TaskState.TASK_FAILED);
            Assert.Equal("Command exited with status 3", failed.Message);
            Assert.Equal(TaskStatusReason.REASON_COMMAND_EXECUTOR_FAILED, failed.Reason);
        }
    }

    [Fact]
    public async Task KillEndsTheWholeProcessTree()
    {
        var (master, agent, scheduler, offer) = await Setup();
        await using (master) await using (agent) await using (scheduler)
        {
            // A unique sleep length marks the task's processes in the host's process table; one of
            // them leaves the task's session as a daemon would.
            var marker = $"{300 + Random.Shared.Next(1, 999)}.{Random.Shared.Next(100, 999)}";
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("tree", agent.AgentId!, command: $"sleep {marker} & setsid sleep {marker} & wait")));
            await UntilAsync(scheduler, "tree", TaskState.TASK_RUNNING);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (HostProcesses.WithArgument(marker).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.Equal(2, HostProcesses.WithArgument(marker).Count);
            await scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.KILL, Kill = new KillCall { TaskId = TaskID.Of("tree") } });
            Assert.Equal(TaskState.TASK_KILLING, (await scheduler.NextUpdateAsync("tree")).State);
            await UntilAsync(scheduler, "tree", TaskState.TASK_KILLED);
            deadline = DateTime.UtcNow.AddSeconds(5);
            while (HostProcesses.WithArgument(marker).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.Empty(HostProcesses.WithArgument(marker));
        }
    }

    [Fact]
    public async Task ATaskOverItsMemoryLimitFailsWithTheMemoryLimitation()
    {
        var (master, agent, scheduler, offer) = await Setup();
        await using (master) await using (agent) await using (scheduler)
        {
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("hog", agent.AgentId!, resources: "cpus:0.5;mem:64",
                command: "python3 -c 'x = bytearray(200 * 1024 * 1024)'")));
            var failed = await UntilAsync(scheduler, "hog", TaskState.TASK_FAILED);
            Assert.Equal(TaskStatusSource.SOURCE_AGENT, failed.Source);
            Assert.Equal(TaskStatusReason.REASON_CONTAINER_LIMITATION_MEMORY, failed.Reason);
            Assert.StartsWith("Memory limit exceeded: Requested: 64MB", failed.Message);
        }
    }

    [Fact]
    public async Task AnUnknownUserFailsTheTaskWithAClearMessage()
    {
        var (master, agent, scheduler, offer) = await Setup();
        await using (master) await using (agent) await using (scheduler)
        {
            var task = Calls.Task("who", agent.AgentId!);
            task = task with { Command = task.Command! with { User = "no-such-user-x" } };
            await scheduler.CallAsync(Calls.Launch(offer, task));
            var failed = await UntilAsync(scheduler, "who", TaskState.TASK_FAILED);
            Assert.Equal(TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, failed.Reason);
            Assert.Contains("unknown user 'no-such-user-x'", failed.Message);
        }
    }

    [Fact]
    public async Task UnacknowledgedUpdatesAreSentAgainUntilAcknowledged()
    {
        var (master, agent, scheduler, offer) = await Setup();
        await using (master) await using (agent) await using (scheduler)
        {
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("retry", agent.AgentId!, command: "sleep 30")));
            var first = await scheduler.NextUpdateAsync("retry");
            Assert.Equal(TaskState.TASK_STARTING, first.State);
            // Not acknowledged: the agent sends the same update (same uuid) again, and nothing newer.
            var again = await scheduler.NextUpdateAsync("retry");
            Assert.Equal((first.State, first.Uuid), (again.State, again.Uuid));
            await scheduler.CallAsync(Calls.Acknowledge(again));
            Assert.Equal(TaskState.TASK_RUNNING, (await scheduler.NextUpdateAsync("retry")).State);
        }
    }

    [Fact]
    public async Task ARestartedAgentKeepsItsId()
    {
        var master = await TestMaster.StartAsync();
        await using (master)
        {
            var workDir = Directory.CreateTempSubdirectory("tessera-agent-").FullName;
            string first;
            await using (var agent = await RealAgent.StartAsync(master.Address, workDir))
                first = agent.AgentId!;
            await using var again = await RealAgent.StartAsync(master.Address, workDir);
            Assert.Equal(first, again.AgentId);
            Directory.Delete(workDir, true);
        }
    }
}
