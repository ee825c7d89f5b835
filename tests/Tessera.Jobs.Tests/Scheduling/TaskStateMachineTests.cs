using Tessera.Core.Protocol;
using Tessera.Jobs.Scheduling;
using static Tessera.Jobs.Scheduling.ScheduleStatus;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;

namespace Tessera.Jobs.Tests.Scheduling;

public sealed class TaskStateMachineTests
{
    [Fact]
    public void NormalPathRecordsEveryStateWithTimeAndMessage()
    {
        var task = Walk(Pending(Spec()), T0, ASSIGNED, STARTING, RUNNING, FINISHED);

        Assert.Equal(FINISHED, task.Status);
        Assert.Equal([INIT, PENDING, ASSIGNED, STARTING, RUNNING, FINISHED], task.Events.Select(e => e.Status));
        Assert.Equal(T0 + TimeSpan.FromSeconds(4), task.Events[^1].At);
        Assert.Equal("to FINISHED", task.Events[^1].Message);
        Assert.Equal("agent-1", task.AgentId);
    }

    [Theory]
    [InlineData(PENDING, RUNNING)]
    [InlineData(PENDING, KILLING)]
    [InlineData(RUNNING, PENDING)]
    [InlineData(RUNNING, ASSIGNED)]
    [InlineData(KILLING, RUNNING)]
    [InlineData(INIT, ASSIGNED)]
    public void InvalidTransitionsAreRefusedAsData(ScheduleStatus from, ScheduleStatus to)
    {
        var task = Pending(Spec()) with { Status = from };

        var result = TaskStateMachine.Transition(task, to, T0, "x");

        var refused = Assert.IsType<TransitionResult.Refused>(result);
        Assert.Same(task, refused.Task);
        Assert.Equal(from, refused.From);
        Assert.Equal(to, refused.To);
        Assert.Contains($"can't move from {from} to {to}", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FINISHED)]
    [InlineData(FAILED)]
    [InlineData(KILLED)]
    [InlineData(LOST)]
    public void TerminalStatesGoNowhere(ScheduleStatus terminal)
    {
        Assert.Empty(TaskTransitions.From(terminal));
        var task = Pending(Spec()) with { Status = terminal };
        var refused = Assert.IsType<TransitionResult.Refused>(TaskStateMachine.Transition(task, RUNNING, T0, "x"));
        Assert.Contains("none: it is terminal", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TableMatchesAurora()
    {
        Assert.Equal([PENDING, THROTTLED], TaskTransitions.From(INIT));
        Assert.Equal([PENDING], TaskTransitions.From(THROTTLED));
        Assert.Equal([ASSIGNED], TaskTransitions.From(PENDING));
        Assert.Equal([FINISHED, FAILED, KILLED, LOST], TaskTransitions.From(KILLING));
        foreach (var active in new[] { ASSIGNED, STARTING, RUNNING })
        {
            foreach (var next in new[] { KILLING, RESTARTING, DRAINING, PREEMPTING, PARTITIONED, FINISHED, FAILED, KILLED, LOST })
                Assert.True(TaskTransitions.IsAllowed(active, next), $"{active} -> {next}");
        }
        Assert.True(TaskTransitions.IsAllowed(PARTITIONED, RUNNING));
        Assert.True(TaskTransitions.IsAllowed(PARTITIONED, LOST));
        Assert.False(TaskTransitions.IsAllowed(PARTITIONED, PENDING));
        foreach (var status in Enum.GetValues<ScheduleStatus>())
            Assert.Equal(status.IsTerminal(), !status.IsActive() && status != INIT);
    }

    [Fact]
    public void SameStateIsUnchanged()
    {
        var running = Walk(Pending(Spec()), T0, ASSIGNED, RUNNING);
        var result = TaskStateMachine.ApplyUpdate(running, TaskState.TASK_RUNNING, T0, "again");
        Assert.IsType<TransitionResult.Unchanged>(result);
        Assert.Same(running, result.Task);
    }

    [Fact]
    public void KillDeletesPendingAndThrottledAndMarksRunningKilling()
    {
        var pending = Pending(Spec());
        Assert.IsType<TransitionResult.Deleted>(TaskStateMachine.Kill(pending, T0, "user"));
        var throttled = TaskStateMachine.Throttle(ScheduledTask.Create("t", Spec(), T0), T0.AddMinutes(1), T0, "flap").Task;
        Assert.Equal(THROTTLED, throttled.Status);
        Assert.IsType<TransitionResult.Deleted>(TaskStateMachine.Kill(throttled, T0, "user"));

        var running = Walk(pending, T0, ASSIGNED, RUNNING);
        var killing = Assert.IsType<TransitionResult.Changed>(TaskStateMachine.Kill(running, T0.AddMinutes(1), "killed by alice"));
        Assert.Equal(KILLING, killing.Task.Status);
        Assert.Equal("killed by alice", killing.Task.Events[^1].Message);

        var finished = Walk(running, T0, FINISHED);
        Assert.IsType<TransitionResult.Unchanged>(TaskStateMachine.Kill(finished, T0, "late"));
    }

    [Theory]
    [InlineData(TaskState.TASK_STARTING, RUNNING, null)]
    [InlineData(TaskState.TASK_STARTING, ASSIGNED, STARTING)]
    [InlineData(TaskState.TASK_STAGING, ASSIGNED, STARTING)]
    [InlineData(TaskState.TASK_RUNNING, STARTING, RUNNING)]
    [InlineData(TaskState.TASK_RUNNING, KILLING, null)]
    [InlineData(TaskState.TASK_KILLING, RUNNING, null)]
    [InlineData(TaskState.TASK_FINISHED, RUNNING, FINISHED)]
    [InlineData(TaskState.TASK_FAILED, RUNNING, FAILED)]
    [InlineData(TaskState.TASK_ERROR, ASSIGNED, FAILED)]
    [InlineData(TaskState.TASK_KILLED, KILLING, KILLED)]
    [InlineData(TaskState.TASK_LOST, RUNNING, LOST)]
    [InlineData(TaskState.TASK_GONE, RUNNING, LOST)]
    [InlineData(TaskState.TASK_DROPPED, ASSIGNED, LOST)]
    [InlineData(TaskState.TASK_UNREACHABLE, RUNNING, PARTITIONED)]
    [InlineData(TaskState.TASK_UNREACHABLE, RESTARTING, LOST)]
    [InlineData(TaskState.TASK_UNREACHABLE, KILLING, LOST)]
    [InlineData(TaskState.TASK_RUNNING, PARTITIONED, RUNNING)]
    public void MesosUpdatesMapToAuroraStates(TaskState update, ScheduleStatus current, ScheduleStatus? expected)
    {
        Assert.Equal(expected, MesosStatusMapping.Target(update, current));
    }

    [Fact]
    public void StaleUpdateIsRefused()
    {
        var finished = Walk(Pending(Spec()), T0, ASSIGNED, RUNNING, FINISHED);
        var result = TaskStateMachine.ApplyUpdate(finished, TaskState.TASK_RUNNING, T0.AddMinutes(1), "late");
        Assert.IsType<TransitionResult.Refused>(result);
        Assert.Equal(FINISHED, result.Task.Status);
    }

    [Fact]
    public void UpdateMessageIsRecorded()
    {
        var running = Walk(Pending(Spec()), T0, ASSIGNED, RUNNING);
        var failed = TaskStateMachine.ApplyUpdate(running, TaskState.TASK_FAILED, T0.AddMinutes(2), "exit status 1").Task;
        Assert.Equal(FAILED, failed.Status);
        Assert.Equal("TASK_FAILED: exit status 1", failed.Events[^1].Message);
        Assert.Equal(T0.AddMinutes(2), failed.Events[^1].At);
    }
}
