using Tessera.Core.Protocol;
using static Tessera.Core.Protocol.TaskState;

namespace Tessera.Core.Tests.Protocol;

public sealed class TaskStatesTests
{
    private static readonly TaskState[] TerminalStates =
        [TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE, TASK_GONE_BY_OPERATOR];

    [Fact]
    public void TerminalSetMatchesMesosIsTerminalState()
    {
        foreach (var state in Enum.GetValues<TaskState>())
        {
            Assert.Equal(TerminalStates.Contains(state), TaskStates.IsTerminal(state));
            Assert.Equal(!TerminalStates.Contains(state), TaskStates.IsActive(state));
        }

        Assert.False(TaskStates.IsTerminal(TASK_UNREACHABLE));
        Assert.False(TaskStates.IsTerminal(TASK_UNKNOWN));
        Assert.False(TaskStates.IsTerminal(TASK_KILLING));
    }

    [Fact]
    public void FromTerminalOnlyTheSameState()
    {
        foreach (var from in TerminalStates)
        {
            foreach (var to in Enum.GetValues<TaskState>())
            {
                Assert.Equal(from == to, TaskStates.IsLegalTransition(from, to));
            }
        }
    }

    [Theory]
    [InlineData(TASK_STAGING, TASK_STARTING, true)]
    [InlineData(TASK_STAGING, TASK_RUNNING, true)]
    [InlineData(TASK_STAGING, TASK_KILLING, true)]
    [InlineData(TASK_STAGING, TASK_FAILED, true)]
    [InlineData(TASK_STAGING, TASK_DROPPED, true)]
    [InlineData(TASK_STAGING, TASK_UNREACHABLE, true)]
    [InlineData(TASK_STARTING, TASK_RUNNING, true)]
    [InlineData(TASK_STARTING, TASK_STAGING, false)]
    [InlineData(TASK_RUNNING, TASK_RUNNING, true)]
    [InlineData(TASK_RUNNING, TASK_KILLING, true)]
    [InlineData(TASK_RUNNING, TASK_FINISHED, true)]
    [InlineData(TASK_RUNNING, TASK_LOST, true)]
    [InlineData(TASK_RUNNING, TASK_STARTING, false)]
    [InlineData(TASK_RUNNING, TASK_STAGING, false)]
    [InlineData(TASK_RUNNING, TASK_UNKNOWN, false)]
    [InlineData(TASK_KILLING, TASK_KILLED, true)]
    [InlineData(TASK_KILLING, TASK_RUNNING, false)]
    [InlineData(TASK_UNREACHABLE, TASK_RUNNING, true)]
    [InlineData(TASK_UNREACHABLE, TASK_STAGING, true)]
    [InlineData(TASK_UNREACHABLE, TASK_GONE, true)]
    [InlineData(TASK_UNREACHABLE, TASK_GONE_BY_OPERATOR, true)]
    [InlineData(TASK_UNREACHABLE, TASK_UNKNOWN, true)]
    [InlineData(TASK_UNKNOWN, TASK_RUNNING, true)]
    [InlineData(TASK_FINISHED, TASK_RUNNING, false)]
    [InlineData(TASK_LOST, TASK_RUNNING, false)]
    [InlineData(TASK_KILLED, TASK_KILLED, true)]
    public void Transitions(TaskState from, TaskState to, bool legal)
    {
        Assert.Equal(legal, TaskStates.IsLegalTransition(from, to));
    }

    [Fact]
    public void NonPartitionAwareFrameworksSeeLost()
    {
        foreach (var state in Enum.GetValues<TaskState>())
        {
            var hidden = state is TASK_UNREACHABLE or TASK_DROPPED or TASK_GONE or TASK_GONE_BY_OPERATOR or TASK_UNKNOWN;
            Assert.Equal(hidden ? TASK_LOST : state, TaskStates.ForFramework(state, partitionAware: false));
            Assert.Equal(state, TaskStates.ForFramework(state, partitionAware: true));
        }
    }

    [Fact]
    public void ForFrameworkReadsTheCapability()
    {
        var aware = new FrameworkInfo { User = "u", Name = "n", Capabilities = [FrameworkCapability.Of(FrameworkCapabilityType.PARTITION_AWARE)] };
        var plain = new FrameworkInfo { User = "u", Name = "n", Capabilities = [FrameworkCapability.Of(FrameworkCapabilityType.MULTI_ROLE)] };

        Assert.Equal(TASK_UNREACHABLE, TaskStates.ForFramework(TASK_UNREACHABLE, aware));
        Assert.Equal(TASK_LOST, TaskStates.ForFramework(TASK_UNREACHABLE, plain));
        Assert.Equal(TASK_LOST, TaskStates.ForFramework(TASK_GONE, plain with { Capabilities = null }));
    }

    [Fact]
    public void OperationTerminalSet()
    {
        OperationState[] terminal =
        [
            OperationState.OPERATION_FINISHED, OperationState.OPERATION_FAILED, OperationState.OPERATION_ERROR,
            OperationState.OPERATION_DROPPED, OperationState.OPERATION_GONE_BY_OPERATOR,
        ];

        foreach (var state in Enum.GetValues<OperationState>())
        {
            Assert.Equal(terminal.Contains(state), OperationStates.IsTerminal(state));
        }
    }
}
