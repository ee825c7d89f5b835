using Tessera.Agent.Hosting;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Hosting;
using Tessera.Master.Tests.Harness;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Recovery;

/// <summary>An agent stopped and started again on the same work dir brings its checkpointed tasks back.</summary>
public sealed class AgentRecoveryTests
{
    /// <summary>A master, an agent (the first of two runs on one work dir) and a subscribed framework with its first offer.</summary>
    private static async Task<(MasterServer Master, AgentOptions Options, AgentHost First, TestScheduler Scheduler, Offer Offer)> StartAsync(bool checkpoint)
    {
        var dir = Directory.CreateTempSubdirectory("tessera-recovery-").FullName;
        var master = await AgentFixture.StartMasterAsync(dir);
        var options = AgentFixture.AgentOptionsFor(master.Address, Path.Combine(dir, "agent"));
        var first = await AgentHost.StartAsync(options);
        await first.Registered.WaitAsync(TimeSpan.FromSeconds(20));
        var scheduler = new TestScheduler(master.Address);
        await scheduler.SubscribeAsync(TestScheduler.Info("recovery", FrameworkCapabilityType.TASK_KILLING_STATE) with { Checkpoint = checkpoint });
        var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS)).Offers!.Offers![0];
        return (master, options, first, scheduler, offer);
    }

    // Waits for a file in the sandbox, then finishes: the test decides when the task ends.
    private const string WaitForGo = "echo started; while [ ! -e $MESOS_SANDBOX/go ]; do sleep 0.05; done; echo finished";

    [Fact]
    public async Task CheckpointedTaskSurvivesARestartAndItsUnacknowledgedUpdateIsSentAgain()
    {
        var (master, options, first, scheduler, offer) = await StartAsync(checkpoint: true);
        await using (master) await using (scheduler)
        {
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("kept", first.AgentId!, command: WaitForGo)));
            var starting = await scheduler.NextUpdateAsync("kept");
            Assert.Equal(TaskState.TASK_STARTING, starting.State);
            await scheduler.CallAsync(Calls.Acknowledge(starting));
            var running = await scheduler.NextUpdateAsync("kept");
            Assert.Equal(TaskState.TASK_RUNNING, running.State);
            // RUNNING is not acknowledged before the agent goes away.
            var sandbox = await first.Runtime.AskAsync(rt => rt.Tasks.Values.Single().Sandbox);
            var agentId = first.AgentId;
            Assert.Equal(1, await first.StopAsync(killCheckpointed: false));
            await first.DisposeAsync();

            await using var second = await AgentHost.StartAsync(options);
            await second.Registered.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(agentId, second.AgentId);
            // The same RUNNING update (same uuid) comes again from the restarted agent.
            var again = await scheduler.NextUpdateAsync("kept", TimeSpan.FromSeconds(30));
            Assert.Equal((TaskState.TASK_RUNNING, running.Uuid), (again.State, again.Uuid));
            await scheduler.CallAsync(Calls.Acknowledge(again));
            // The process kept running through the restart: it finishes when told to, with its output intact.
            await File.WriteAllTextAsync(Path.Combine(sandbox, "go"), "");
            var finished = await scheduler.NextUpdateAsync("kept");
            Assert.Equal(TaskState.TASK_FINISHED, finished.State);
            Assert.Equal("Command exited with status 0", finished.Message);
            await scheduler.CallAsync(Calls.Acknowledge(finished));
            Assert.Equal("started\nfinished\n", await File.ReadAllTextAsync(Path.Combine(sandbox, "stdout")));
        }
    }

    [Fact]
    public async Task ATaskThatEndsWhileTheAgentIsDownReportsItsExitAfterTheRestart()
    {
        var (master, options, first, scheduler, offer) = await StartAsync(checkpoint: true);
        await using (master) await using (scheduler)
        {
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("away", first.AgentId!, command: WaitForGo.Replace("echo finished", "exit 4", StringComparison.Ordinal))));
            await UntilAsync(scheduler, "away", TaskState.TASK_RUNNING);
            var sandbox = await first.Runtime.AskAsync(rt => rt.Tasks.Values.Single().Sandbox);
            await first.StopAsync(killCheckpointed: false);
            await first.DisposeAsync();
            await File.WriteAllTextAsync(Path.Combine(sandbox, "go"), "");
            // Let the task end while no agent runs.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            var runtime = Path.Combine(RuntimeDirectory.Containers(RuntimeDirectory.Resolve(options.WorkDir, options.RuntimeDir)), Path.GetFileName(sandbox), "status");
            while (!File.Exists(runtime) && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.Equal("exit 4", await File.ReadAllTextAsync(runtime));

            await using var second = await AgentHost.StartAsync(options);
            var failed = await UntilAsync(scheduler, "away", TaskState.TASK_FAILED);
            Assert.Equal("Command exited with status 4", failed.Message);
        }
    }

    [Fact]
    public async Task TasksOfFrameworksWithoutCheckpointAreKilledWhenTheAgentStops()
    {
        var (master, options, first, scheduler, offer) = await StartAsync(checkpoint: false);
        await using (master) await using (scheduler)
        {
            var marker = $"{700 + Random.Shared.Next(1, 99)}.{Random.Shared.Next(100, 999)}";
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("gone", first.AgentId!, command: $"sleep {marker}")));
            await UntilAsync(scheduler, "gone", TaskState.TASK_RUNNING);
            Assert.Equal(0, await first.StopAsync(killCheckpointed: false));
            await first.DisposeAsync();
            Assert.Empty(HostProcessesWith(marker));
            // Nothing was checkpointed for it, so the restarted agent reports nothing and the master
            // marks the task gone (lost for a framework that is not partition-aware).
            await using var second = await AgentHost.StartAsync(options);
            var lost = await UntilAsync(scheduler, "gone", TaskState.TASK_LOST);
            Assert.Equal(TaskStatusReason.REASON_AGENT_REREGISTERED, lost.Reason);
        }
    }

    [Fact]
    public async Task CleanupKillsWhatThePreviousRunLeft()
    {
        var (master, options, first, scheduler, offer) = await StartAsync(checkpoint: true);
        await using (master) await using (scheduler)
        {
            var marker = $"{800 + Random.Shared.Next(1, 99)}.{Random.Shared.Next(100, 999)}";
            await scheduler.CallAsync(Calls.Launch(offer, Calls.Task("cleaned", first.AgentId!, command: $"sleep {marker}")));
            await UntilAsync(scheduler, "cleaned", TaskState.TASK_RUNNING);
            await first.StopAsync(killCheckpointed: false);
            await first.DisposeAsync();
            Assert.Single(HostProcessesWith(marker));
            await using var second = await AgentHost.StartAsync(options with { Recover = "cleanup" });
            var lost = await UntilAsync(scheduler, "cleaned", TaskState.TASK_LOST);
            Assert.Equal(TaskStatusReason.REASON_AGENT_REREGISTERED, lost.Reason);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (HostProcessesWith(marker).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.Empty(HostProcessesWith(marker));
        }
    }

    private static async Task<MesosTaskStatus> UntilAsync(TestScheduler scheduler, string taskId, TaskState state)
    {
        while (true)
        {
            var status = await scheduler.NextUpdateAsync(taskId, TimeSpan.FromSeconds(30));
            if (status.Uuid is not null) await scheduler.CallAsync(Calls.Acknowledge(status));
            if (status.State == state) return status;
        }
    }

    private static IReadOnlyList<int> HostProcessesWith(string argument) => Tessera.Master.Tests.EndToEnd.HostProcesses.WithArgument(argument);
}
