using Tessera.Agent.Hosting;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Gc;

/// <summary>Sandbox GC through a real master and agent.</summary>
public sealed class SandboxGcEndToEndTests
{
    private static async Task<bool> GoneWithinAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!Directory.Exists(path)) return true;
            await Task.Delay(50);
        }
        return !Directory.Exists(path);
    }

    [Fact]
    public async Task AFinishedAndAcknowledgedTasksSandboxIsRemovedAfterTheDelay()
    {
        await using var session = await SchedulerSession.StartAsync(o => o with { GcDelay = TimeSpan.FromMilliseconds(300), GcDiskHeadroom = 0 });
        await session.LaunchAsync(Calls.Task("done", session.AgentId, "cpus:0.1;mem:32", "echo hi"));
        var updates = await session.UpdatesAsync("done", s => TaskStates.IsTerminal(s.State));
        Assert.Equal(TaskState.TASK_FINISHED, updates[^1].State);
        var frameworks = Path.Combine(session.Cluster.WorkDir, "agent", "slaves", session.AgentId, "frameworks");
        var framework = Assert.Single(Directory.GetDirectories(frameworks));
        Assert.True(await GoneWithinAsync(framework, TimeSpan.FromSeconds(15)), "the sandbox and its empty parents should be gone");
        Assert.Equal(0, await session.Cluster.Agent.Runtime.AskAsync(rt => rt.Gc.Count));
    }

    [Fact]
    public async Task ARunningTasksSandboxIsNotScheduled()
    {
        await using var session = await SchedulerSession.StartAsync(o => o with { GcDelay = TimeSpan.Zero });
        await session.LaunchAsync(Calls.Task("busy", session.AgentId, "cpus:0.1;mem:32", "sleep 30"));
        await session.UpdatesAsync("busy", s => s.State == TaskState.TASK_RUNNING);
        var sandbox = await session.Cluster.Agent.Runtime.AskAsync(rt => rt.Tasks.Values.Single().Sandbox);
        await Task.Delay(300);
        Assert.True(Directory.Exists(sandbox));
        Assert.False(await session.Cluster.Agent.Runtime.AskAsync(rt => rt.Gc.IsScheduled(sandbox)));
    }

    [Fact]
    public async Task AnAgentStartingOverAnOldSandboxRemovesItByItsAge()
    {
        var workDir = Directory.CreateTempSubdirectory("tessera-agent-gc-").FullName;
        await using var master = await AgentFixture.StartMasterAsync(workDir);
        var agentDir = Path.Combine(workDir, "agent");
        var old = Path.Combine(agentDir, "slaves", "gone-agent", "frameworks", "fw", "executors", "t1", "runs", "r1");
        var recent = Path.Combine(agentDir, "slaves", "gone-agent", "frameworks", "fw", "executors", "t2", "runs", "r2");
        Directory.CreateDirectory(old);
        Directory.CreateDirectory(recent);
        Directory.SetLastWriteTimeUtc(old, DateTime.UtcNow - TimeSpan.FromDays(3));
        var options = AgentFixture.AgentOptionsFor(master.Address, agentDir) with { GcDelay = TimeSpan.FromDays(2), GcDiskHeadroom = 0, Resources = ResourceSet.Parse("cpus:1;mem:256;disk:100") };
        await using (var agent = await AgentHost.StartAsync(options))
        {
            Assert.True(await GoneWithinAsync(Path.Combine(agentDir, "slaves", "gone-agent", "frameworks", "fw", "executors", "t1"), TimeSpan.FromSeconds(10)));
            Assert.True(Directory.Exists(recent));
            Assert.True(await agent.Runtime.AskAsync(rt => rt.Gc.IsScheduled(recent)));
        }
        try { Directory.Delete(workDir, recursive: true); } catch (IOException) { }
    }
}
