using Tessera.Core.Protocol;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Hosting;

/// <summary>`--work-dir .tessera/agent` (relative, as users type it) works like an absolute one.</summary>
public sealed class RelativeWorkDirTests
{
    [Fact]
    public async Task ATaskRunsWhenTheWorkDirIsRelative()
    {
        await using var session = await SchedulerSession.StartAsync(tweak: o => o with { WorkDir = Path.GetRelativePath(Environment.CurrentDirectory, o.WorkDir) });
        Assert.False(Path.IsPathRooted(Path.GetRelativePath(Environment.CurrentDirectory, session.Cluster.WorkDir)));
        await session.LaunchAsync(Calls.Task("rel", session.AgentId, command: "echo fine"));
        var updates = await session.UpdatesAsync("rel", s => TaskStates.IsTerminal(s.State));
        Assert.Equal(TaskState.TASK_FINISHED, updates[^1].State);
    }
}
