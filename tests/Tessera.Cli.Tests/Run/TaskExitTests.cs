using Tessera.Cli.Run;
using Tessera.Core.Protocol;

namespace Tessera.Cli.Tests.Run;

public sealed class TaskExitTests
{
    private static MesosTaskStatus Status(TaskState state, string? message = null, TaskStatusReason? reason = null) =>
        new() { TaskId = TaskID.Of("t"), State = state, Message = message, Reason = reason };

    [Theory]
    [InlineData(TaskState.TASK_FINISHED, "Command exited with status 0", 0)]
    [InlineData(TaskState.TASK_FAILED, "Command exited with status 3", 3)]
    [InlineData(TaskState.TASK_FAILED, "Command terminated with signal 9", 137)]
    [InlineData(TaskState.TASK_FAILED, "Memory limit exceeded", 1)]
    [InlineData(TaskState.TASK_FAILED, null, 1)]
    [InlineData(TaskState.TASK_KILLED, "Command terminated after a kill request", 1)]
    [InlineData(TaskState.TASK_LOST, "agent removed", 1)]
    [InlineData(TaskState.TASK_ERROR, "bad resources", 1)]
    public void TerminalStatesMapToExitCodes(TaskState state, string? message, int code)
    {
        Assert.Equal(code, TaskExit.Of(Status(state, message))!.ExitCode);
    }

    [Fact]
    public void NonTerminalStatesHaveNoOutcome()
    {
        Assert.Null(TaskExit.Of(Status(TaskState.TASK_RUNNING)));
        Assert.Null(TaskExit.Of(Status(TaskState.TASK_KILLING)));
    }

    [Fact]
    public void ReasonIsExplainedWhenTheCodeIsNotTheCommands()
    {
        var outcome = TaskExit.Of(Status(TaskState.TASK_LOST, "agent gone", TaskStatusReason.REASON_AGENT_REMOVED))!;
        Assert.Equal("TASK_LOST REASON_AGENT_REMOVED: agent gone", outcome.Explanation);
        Assert.Null(TaskExit.Of(Status(TaskState.TASK_FAILED, "Command exited with status 3"))!.Explanation);
    }

    [Fact]
    public void SeveralInstancesGiveTheFirstNonZero()
    {
        Assert.Equal(0, TaskExit.Combine([0, 0]));
        Assert.Equal(4, TaskExit.Combine([0, 4, 2]));
    }
}
