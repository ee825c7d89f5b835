using Tessera.Cli.Client;
using Tessera.Cli.Commands;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Cli.Tests;

/// <summary>The pure helpers behind the cluster commands.</summary>
public sealed class FormattingTests
{
    [Theory]
    [InlineData("a\nb\nc\n", 2, "b\nc\n")]
    [InlineData("a\nb\nc", 2, "b\nc")]
    [InlineData("a\nb\n", 5, "a\nb\n")]
    [InlineData("a\nb\n", 0, "")]
    [InlineData("", 3, "")]
    [InlineData("only", 1, "only")]
    public void LastLines(string text, int lines, string expected) => Assert.Equal(expected, LogTail.LastLines(text, lines));

    [Theory]
    [InlineData("a\nb\nc\n", 2, true)]
    [InlineData("b\nc\n", 2, false)]
    [InlineData("x", 0, true)]
    [InlineData("x\ny", 1, true)]
    [InlineData("x\n", 1, false)]
    public void HasLines(string text, int lines, bool expected) => Assert.Equal(expected, LogTail.HasLines(text, lines));

    [Theory]
    [InlineData("running", TaskState.TASK_RUNNING)]
    [InlineData("TASK_FINISHED", TaskState.TASK_FINISHED)]
    [InlineData("Gone_By_Operator", TaskState.TASK_GONE_BY_OPERATOR)]
    public void TaskStatesParse(string text, TaskState expected) => Assert.Equal(expected, TaskStateText.Parse(text));

    [Fact]
    public void UnknownTaskStateIsNull() => Assert.Null(TaskStateText.Parse("sleepy"));

    [Fact]
    public void UsedOfTotalPrintsEachKindTheAgentHas()
    {
        var total = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:4;mem:4096;disk:100;ports:[1-10]"));
        var used = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:1.5;mem:128"));
        Assert.Equal("cpus 1.5/4  mem 128/4096  disk 0/100", ResourceText.UsedOfTotal(used, total));
    }

    [Fact]
    public void QuotaTextParsesSemicolonsAndCommas()
    {
        var parsed = QuotaText.Parse("--limit", "cpus:2,mem:1024")!;
        Assert.Equal(2, parsed["cpus"].Value);
        Assert.Equal(1024, parsed["mem"].Value);
        Assert.Equal("cpus:2;mem:1024", ResourceText.Of(QuotaText.Parse("--limit", "mem:1024;cpus:2")));
        Assert.Null(QuotaText.Parse("--limit", null));
    }

    [Fact]
    public void WeightsParse()
    {
        var weights = WeightsCommands.Parse(["prod=2", "eng/web=0.25"]);
        Assert.Equal([("prod", 2.0), ("eng/web", 0.25)], weights.Select(w => (w.Role!, w.Weight)));
        var twice = Assert.Throws<CliException>(() => WeightsCommands.Parse(["a=1", "a=2"]));
        Assert.Equal(2, twice.ExitCode);
    }

    [Fact]
    public void SandboxPathOfACommandTaskIsItsOwnExecutor()
    {
        var task = Task(executor: null);
        Assert.Equal(["/frameworks/F/executors/t1/runs/latest/stdout"], SandboxPath.Candidates(task, null, "stdout"));
    }

    [Fact]
    public void SandboxPathOfAnExecutorTaskDependsOnTheExecutorType()
    {
        var task = Task(executor: "E");
        var info = new ExecutorInfo { ExecutorId = ExecutorID.Of("E"), Type = ExecutorType.DEFAULT };
        Assert.Equal(["/frameworks/F/executors/E/runs/latest/tasks/t1/stderr"], SandboxPath.Candidates(task, info, "stderr"));
        Assert.Equal(["/frameworks/F/executors/E/runs/latest/stderr"], SandboxPath.Candidates(task, info with { Type = ExecutorType.CUSTOM }, "stderr"));
        Assert.Equal(2, SandboxPath.Candidates(task, null, "stderr").Count);
    }

    [Fact]
    public void TaskFilterKeepsLiveTasksUnlessAskedForCompletedOnes()
    {
        var tasks = new Core.Protocol.Operator.GetTasksResponse { Tasks = [Task(null)], CompletedTasks = [Task(null) with { TaskId = TaskID.Of("old"), State = TaskState.TASK_FINISHED }] };
        Assert.Null(new TaskFilter(null, null, All: false).Apply(tasks).CompletedTasks);
        Assert.Single(new TaskFilter(null, null, All: true).Apply(tasks).CompletedTasks!);
        var finished = new TaskFilter(null, TaskFilter.ParseStates(["finished"]), All: false).Apply(tasks);
        Assert.Null(finished.Tasks);
        Assert.Single(finished.CompletedTasks!);
        Assert.Null(new TaskFilter("other", null, All: true).Apply(tasks).Tasks);
    }

    [Fact]
    public void MaintenanceWindowsMoveMachines()
    {
        var now = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var a = MaintenanceText.Machine("a");
        var b = MaintenanceText.Machine("b");
        var one = MaintenanceText.With(null, [a, b], now, TimeSpan.FromHours(1));
        var two = MaintenanceText.With(one, [b], now.AddHours(2), TimeSpan.FromHours(1));
        Assert.Equal(2, two.Windows!.Count);
        Assert.Equal([a], two.Windows[0].MachineIds);
        Assert.Equal([b], two.Windows[1].MachineIds);
        Assert.Single(MaintenanceText.Without(two, [a]).Windows!);
        Assert.Equal(now.AddMinutes(30), MaintenanceText.Start("30mins", now));
        Assert.Equal(2, Assert.Throws<CliException>(() => MaintenanceText.Start("soonish", now)).ExitCode);
    }

    [Fact]
    public void KillRefusalNamesTheFramework()
    {
        Assert.Contains("tessera framework teardown F", TaskCommands.KillRefusal(Task(null)));
        Assert.Contains("already ended (finished)", TaskCommands.KillRefusal(Task(null) with { State = TaskState.TASK_FINISHED }));
    }

    [Fact]
    public void LocatorPrefersLiveTasksAndNamesUnknownOnes()
    {
        var state = new Core.Protocol.Operator.GetStateResponse
        {
            GetTasks = new Core.Protocol.Operator.GetTasksResponse { Tasks = [Task(null)], CompletedTasks = [Task(null) with { State = TaskState.TASK_FAILED }] },
        };
        Assert.Equal(TaskState.TASK_RUNNING, TaskLocator.Locate(state, "t1", null).Task.State);
        var e = Assert.Throws<CliException>(() => TaskLocator.Locate(state, "t9", null));
        Assert.Equal(1, e.ExitCode);
        Assert.StartsWith("no task 't9'", e.Message);
    }

    private static MesosTask Task(string? executor) => new()
    {
        Name = "t1",
        TaskId = TaskID.Of("t1"),
        FrameworkId = FrameworkID.Of("F"),
        AgentId = AgentID.Of("A"),
        ExecutorId = executor is null ? null : ExecutorID.Of(executor),
        State = TaskState.TASK_RUNNING,
    };
}
