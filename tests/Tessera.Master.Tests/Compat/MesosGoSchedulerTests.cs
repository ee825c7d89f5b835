using System.Globalization;
using System.Text.RegularExpressions;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Master.Tests.Harness;
using Xunit.Abstractions;

namespace Tessera.Master.Tests.Compat;

/// <summary>
/// An unmodified third-party client — mesos-go's v1 scheduler library from Debian — drives a real
/// master: SUBSCRIBE, ACCEPT/LAUNCH, ACKNOWLEDGE, explicit and implicit RECONCILE, DECLINE, TEARDOWN.
/// See tests/compat/README.md.
/// </summary>
public sealed partial class MesosGoSchedulerTests(MesosGoBuild build, ITestOutputHelper output) : IClassFixture<MesosGoBuild>
{
    private const int Tasks = 3; // the final-line pattern below says 3 as well

    [Fact]
    public async Task MesosGoSchedulerLaunchesReconcilesAndTearsDown()
    {
        var binary = await BinaryAsync();
        await using var master = await TestMaster.StartAsync();
        // Holding the FINISHED acknowledgements makes the agent re-send them, and the client see the copies.
        await using var agent = new AutoAgent(master.Address);
        var (_, redirects, updates) = await RunScenarioAsync(binary, master, agent, master.Address, "1500ms");
        Assert.Equal(0, redirects);
        Assert.True(agent.Posts > 2 * Tasks, $"the agent never had to re-send an update ({agent.Posts} posts)");
        // RUNNING, FINISHED, two reconciliation answers per task, and re-sent FINISHED copies (at-least-once, as Mesos).
        Assert.True(updates > 4 * Tasks, $"the client saw no re-sent update ({updates} updates, {agent.Posts} agent posts)");
    }

    [Fact]
    public async Task MesosGoSchedulerFollowsTheRedirectFromANonLeader()
    {
        var binary = await BinaryAsync();
        await using var master = await TestMaster.StartAsync();
        await using var follower = await TestMaster.StartAsync(leadership: new Follower(master.Address));
        await using var agent = new AutoAgent(master.Address);
        var (frameworkId, redirects, _) = await RunScenarioAsync(binary, master, agent, follower.Address, "0s");
        Assert.True(redirects >= 1, "the follower's 307 was never seen");
        Assert.False(await follower.Server.Loop.AskAsync(rt => rt.State.Frameworks.ContainsKey(frameworkId) || rt.State.CompletedFrameworks.Count > 0));
    }

    /// <summary>The same client against a real master and a real agent running the tasks as processes.</summary>
    [Fact]
    public async Task MesosGoSchedulerRunsTasksOnARealAgent()
    {
        var binary = await BinaryAsync();
        await using var master = await TestMaster.StartAsync();
        await using var agent = await EndToEnd.RealAgent.StartAsync(master.Address);
        string[] args = ["-master", master.Address.ToString(), "-tasks", $"{Tasks}", "-timeout", "60s", "-hold-acks", "0s"];
        var run = await ExternalProcess.RunAsync(binary, args, TimeSpan.FromSeconds(90));
        output.WriteLine($"mesos-go scheduler: {run.Describe()}");
        Assert.False(run.TimedOut, $"the mesos-go scheduler did not finish in 90 s and was killed\n{run.Describe()}");
        Assert.True(run.ExitCode == 0, $"the mesos-go scheduler failed\n{run.Describe()}");
        var line = FinalLine().Match(run.Stdout.TrimEnd().Split('\n')[^1]);
        Assert.True(line.Success, run.Describe());
        var frameworkId = line.Groups["framework"].Value;
        var finished = await master.Server.Loop.AskAsync(rt =>
            rt.State.CompletedFrameworks.FirstOrDefault(f => f.Id == frameworkId)?.CompletedTasks.Count(t => t.State == TaskState.TASK_FINISHED) ?? 0);
        Assert.Equal(Tasks, finished);
    }

    private async Task<string> BinaryAsync()
    {
        var (binary, report) = await build.BinaryAsync();
        output.WriteLine(report);
        Assert.True(binary is not null, report);
        return binary;
    }

    /// <summary>
    /// Runs the Go scheduler against <paramref name="target"/> with <paramref name="agent"/> registered at
    /// <paramref name="master"/>; returns the framework id and the 307s the client followed.
    /// </summary>
    private async Task<(string FrameworkId, int Redirects, int Updates)> RunScenarioAsync(string binary, TestMaster master, AutoAgent agent, Uri target, string holdAcks)
    {
        await agent.StartAsync();
        string[] args = ["-master", target.ToString(), "-tasks", $"{Tasks}", "-timeout", "60s", "-hold-acks", holdAcks];
        var run = await ExternalProcess.RunAsync(binary, args, TimeSpan.FromSeconds(90));
        output.WriteLine($"mesos-go scheduler: {run.Describe()}");
        Assert.False(run.TimedOut, $"the mesos-go scheduler did not finish in 90 s and was killed\n{run.Describe()}");
        Assert.True(run.ExitCode == 0, $"the mesos-go scheduler failed\n{run.Describe()}");
        var last = run.Stdout.TrimEnd().Split('\n')[^1];
        var line = FinalLine().Match(last);
        Assert.True(line.Success, $"unexpected final line: {last}\n{run.Describe()}");
        var frameworkId = line.Groups["framework"].Value;
        Assert.True(Number(line, "declined") >= 1, run.Describe());
        // Six updates (RUNNING + FINISHED per task); re-sent copies may be acknowledged again.
        Assert.True(Number(line, "acked") >= 2 * Tasks, run.Describe());

        // The agent side: the launches arrived and every update was acknowledged through the master.
        Assert.Null(agent.Fault);
        var runs = agent.Received.Where(c => c.Type == AgentCommandType.RUN_TASK).Select(c => c.RunTask!).ToList();
        Assert.Equal([.. Enumerable.Range(1, Tasks).Select(i => $"mesos-go-task-{i}")], runs.Select(r => r.Task.TaskId.Value).Order());
        Assert.All(runs, r => Assert.Equal(frameworkId, r.FrameworkInfo.Id!.Value));
        Assert.All(runs, r => Assert.Equal("true", r.Task.Command!.Value));
        var generated = agent.Generated.ToList();
        Assert.Equal(2 * Tasks, generated.Count);
        await agent.AllAcknowledgedAsync(TimeSpan.FromSeconds(5));
        Assert.All(generated, g => Assert.True(agent.Acknowledged.ContainsKey(g.Uuid), $"{g.TaskId} {g.State} was never acknowledged"));

        // The master side: the framework is torn down, its tasks completed as FINISHED.
        var (active, completed, finished) = await master.Server.Loop.AskAsync(rt =>
        {
            var done = rt.State.CompletedFrameworks.FirstOrDefault(f => f.Id == frameworkId);
            return (rt.State.Frameworks.ContainsKey(frameworkId), done is not null,
                done?.CompletedTasks.Count(t => t.State == TaskState.TASK_FINISHED) ?? 0);
        });
        Assert.False(active, $"framework {frameworkId} is still active after TEARDOWN");
        Assert.True(completed, $"framework {frameworkId} is not among the completed frameworks");
        Assert.Equal(Tasks, finished);
        return (frameworkId, Number(line, "redirects"), Number(line, "updates"));
    }

    private static int Number(Match line, string group) => int.Parse(line.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^mesos-go scheduler: launched=3 finished=3 reconciled=3 implicit=3 acked=(?<acked>\d+) declined=(?<declined>\d+) redirects=(?<redirects>\d+) updates=(?<updates>\d+) teardown=ok stream=closed framework=(?<framework>\S+)$")]
    private static partial Regex FinalLine();

    private sealed class Follower(Uri leader) : Http.ILeadership
    {
        public bool IsLeader => false;
        public Uri? Leader => leader;
    }
}
