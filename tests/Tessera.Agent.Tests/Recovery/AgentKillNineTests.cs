using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Recovery;

/// <summary>The real `tessera agent` process killed with SIGKILL and started again loses no task and no update.</summary>
public sealed class AgentKillNineTests
{
    [Fact]
    public async Task KillNineAndRestartLosesNothing()
    {
        var dir = Directory.CreateTempSubdirectory("tessera-kill9-").FullName;
        var workDir = Path.Combine(dir, "agent");
        var port = AgentProcess.FreePort();
        await using var master = await AgentFixture.StartMasterAsync(dir);
        try
        {
            await RunAsync(master.Address, workDir, port);
        }
        finally
        {
            await LeftoverContainers.KillAsync(workDir);
        }
    }

    private static async Task RunAsync(Uri masterAddress, string workDir, int port)
    {
        var first = AgentProcess.Start(masterAddress, workDir, port);
        await using var scheduler = new TestScheduler(masterAddress);
        await scheduler.SubscribeAsync(TestScheduler.Info("kill9", FrameworkCapabilityType.TASK_KILLING_STATE) with { Checkpoint = true });
        var offer = (await scheduler.NextAsync(SchedulerEventType.OFFERS, TimeSpan.FromSeconds(60))).Offers!.Offers![0];
        var tasks = new[] { "a", "b" }.Select(id => Calls.Task(id, offer.AgentId.Value, resources: "cpus:0.5;mem:64",
            command: "echo started; while [ ! -e $MESOS_SANDBOX/go ]; do sleep 0.05; done; echo finished")).ToArray();
        await scheduler.CallAsync(Calls.Launch(offer, tasks));
        foreach (var id in new[] { "a", "b" }) await UntilAsync(scheduler, id, TaskState.TASK_RUNNING);

        await first.KillNineAsync();
        // slaves/<agent>/frameworks/<fw>/executors/<task>/runs/<run>
        var sandboxes = Directory.GetDirectories(Path.Combine(workDir, "slaves")).SelectMany(a => Directory.GetDirectories(Path.Combine(a, "frameworks")))
            .SelectMany(f => Directory.GetDirectories(Path.Combine(f, "executors"))).SelectMany(e => Directory.GetDirectories(Path.Combine(e, "runs"))).ToList();
        Assert.Equal(2, sandboxes.Count);
        // No status file: both containers still run without their agent.
        var containers = Tessera.Agent.Hosting.RuntimeDirectory.Containers(Tessera.Agent.Hosting.RuntimeDirectory.Resolve(workDir, null));
        Assert.All(sandboxes, s => Assert.True(File.Exists(Path.Combine(containers, Path.GetFileName(s), "container.json")), $"no record of {s} in {containers}"));
        Assert.All(sandboxes, s => Assert.False(File.Exists(Path.Combine(containers, Path.GetFileName(s), "status"))));

        await using var second = AgentProcess.Start(masterAddress, workDir, port);
        try
        {
            // Task a ends while the new agent runs; it reports it.
            await File.WriteAllTextAsync(Path.Combine(sandboxes.Single(s => s.Contains("/executors/a/", StringComparison.Ordinal)), "go"), "");
            var finished = await UntilAsync(scheduler, "a", TaskState.TASK_FINISHED);
            Assert.Equal("Command exited with status 0", finished.Message);
            Assert.Equal(offer.AgentId, finished.AgentId);
            // Task b is still running under the new agent and can be killed through it.
            await scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.KILL, Kill = new KillCall { TaskId = TaskID.Of("b") } });
            await UntilAsync(scheduler, "b", TaskState.TASK_KILLED);
        }
        catch (Exception e) when (e is TimeoutException or Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- first agent ---\n{first.Output}\n--- second agent ---\n{second.Output}", e);
        }
        await first.DisposeAsync();
    }

    private static async Task<MesosTaskStatus> UntilAsync(TestScheduler scheduler, string taskId, TaskState state)
    {
        while (true)
        {
            var status = await scheduler.NextUpdateAsync(taskId, TimeSpan.FromSeconds(60));
            if (status.Uuid is not null) await scheduler.CallAsync(Calls.Acknowledge(status));
            if (status.State == state) return status;
        }
    }
}
