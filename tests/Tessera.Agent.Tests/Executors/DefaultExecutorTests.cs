using Tessera.Core.Protocol;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Executors;

/// <summary>LAUNCH_GROUP with the DEFAULT executor, which the agent supervises itself.</summary>
public sealed class DefaultExecutorTests
{
    private static ExecutorInfo Default(string id) => new()
    {
        Type = ExecutorType.DEFAULT,
        ExecutorId = ExecutorID.Of(id),
        Resources = Core.Resources.ResourceWireForm.ToWire(Core.Resources.ResourceSet.Parse("cpus:0.1;mem:32")),
    };

    private static TaskInfo Task(ExecutorTestBed bed, string id, string command) => Calls.Task(id, bed.AgentId, "cpus:0.5;mem:64", command);

    [Fact]
    public async Task BothTasksOfAGroupFinishInTheirOwnSandboxes()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        await bed.LaunchGroupAsync(Default("pod"), Task(bed, "a", "echo hello a from $MESOS_EXECUTOR_ID"), Task(bed, "b", "echo hello b"));
        var finished = await bed.UntilEachAsync(("a", TaskState.TASK_FINISHED), ("b", TaskState.TASK_FINISHED));
        Assert.All(finished.Values, s => Assert.Equal("pod", s.ExecutorId?.Value));
        Assert.All(finished.Values, s => Assert.Equal(TaskStatusSource.SOURCE_EXECUTOR, s.Source));
        var runs = Path.Combine(bed.Fixture.WorkDir, "agent", "slaves", bed.AgentId, "frameworks", bed.Scheduler.FrameworkId!, "executors", "pod", "runs");
        var sandbox = Assert.Single(Directory.GetDirectories(runs));
        Assert.Equal("hello a from pod\n", await File.ReadAllTextAsync(Path.Combine(sandbox, "tasks", "a", "stdout")));
        Assert.Equal("hello b\n", await File.ReadAllTextAsync(Path.Combine(sandbox, "tasks", "b", "stdout")));
        // With no task left the executor is done, and the framework hears so.
        Assert.Equal(0, (await bed.FailureAsync("pod")).Status);
    }

    [Fact]
    public async Task ATaskThatFailsKillsTheRestOfItsGroup()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        await bed.LaunchGroupAsync(Default("pod"), Task(bed, "sleeper", "sleep 100"), Task(bed, "bad", "exit 1"));
        var ended = await bed.UntilEachAsync(("bad", TaskState.TASK_FAILED), ("sleeper", TaskState.TASK_KILLED));
        Assert.Equal("Command exited with status 1", ended["bad"].Message);
        Assert.Equal("pod", ended["bad"].ExecutorId?.Value);
        Assert.Equal("pod", ended["sleeper"].ExecutorId?.Value);
    }

    [Fact]
    public async Task KillingOneTaskKillsTheGroup()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        await bed.LaunchGroupAsync(Default("pod"), Task(bed, "x", "sleep 100"), Task(bed, "y", "sleep 100"));
        await bed.UntilEachAsync(("x", TaskState.TASK_RUNNING), ("y", TaskState.TASK_RUNNING));
        await bed.Scheduler.CallAsync(new Core.Protocol.Scheduler.SchedulerCall { Type = Core.Protocol.Scheduler.SchedulerCallType.KILL, Kill = new Core.Protocol.Scheduler.KillCall { TaskId = TaskID.Of("x") } });
        var killed = await bed.UntilEachAsync(("x", TaskState.TASK_KILLED), ("y", TaskState.TASK_KILLED));
        Assert.Equal(2, killed.Count);
    }
}
