using Tessera.Core.Protocol;
using Tessera.Jobs.Scheduling;
using static Tessera.Jobs.Scheduling.ScheduleStatus;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;

namespace Tessera.Jobs.Tests.Scheduling;

public sealed class TaskTimersTests
{
    [Fact]
    public void AssignedOrStartingForFiveMinutesIsLost()
    {
        var assigned = Walk(Pending(Spec(), "a"), T0, ASSIGNED);
        var starting = Walk(Pending(Spec(instance: 1), "b"), T0, ASSIGNED, STARTING);
        Assert.Empty(TaskTimers.Due([assigned, starting], assigned.Since + TimeSpan.FromMinutes(4)));
        Assert.Equal(assigned.Since + TaskTimers.TransientTimeout, TaskTimers.Next([assigned, starting], T0));

        var due = TaskTimers.Due([starting, assigned], assigned.Since.AddSeconds(2) + TaskTimers.TransientTimeout);
        Assert.Equal(["a", "b"], due.Select(d => d.TaskId));
        Assert.All(due, d => Assert.Equal(LOST, d.To));
        Assert.Contains("transient state timeout", due[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartitionPolicyDelaysLost()
    {
        var running = Walk(Pending(Spec(partition: new PartitionPolicy(true, 60))), T0, ASSIGNED, RUNNING);
        var partitioned = TaskStateMachine.ApplyUpdate(running, TaskState.TASK_UNREACHABLE, T0.AddMinutes(1), "agent gone").Task;
        Assert.Equal(PARTITIONED, partitioned.Status);

        Assert.Empty(TaskTimers.Due([partitioned], partitioned.Since.AddSeconds(59)));
        var due = Assert.Single(TaskTimers.Due([partitioned], partitioned.Since.AddSeconds(60)));
        Assert.Equal(LOST, due.To);
        var lost = TaskStateMachine.Transition(partitioned, due.To, partitioned.Since.AddSeconds(60), due.Message).Task;
        Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(lost, "n", lost.Since));
    }

    [Fact]
    public void DefaultPartitionPolicyIsLostAtOnce()
    {
        var running = Walk(Pending(Spec()), T0, ASSIGNED, RUNNING);
        var partitioned = TaskStateMachine.ApplyUpdate(running, TaskState.TASK_UNREACHABLE, T0.AddMinutes(1), null).Task;
        Assert.Single(TaskTimers.Due([partitioned], partitioned.Since));
    }

    [Fact]
    public void NoReschedulePolicyWaitsForTheAgent()
    {
        var running = Walk(Pending(Spec(partition: new PartitionPolicy(false, 0))), T0, ASSIGNED, RUNNING);
        var partitioned = TaskStateMachine.ApplyUpdate(running, TaskState.TASK_UNREACHABLE, T0.AddMinutes(1), null).Task;
        Assert.Empty(TaskTimers.Due([partitioned], T0.AddDays(1)));
        Assert.Null(TaskTimers.Next([partitioned], T0));
        var back = TaskStateMachine.ApplyUpdate(partitioned, TaskState.TASK_RUNNING, T0.AddDays(1), "reregistered");
        Assert.Equal(RUNNING, Assert.IsType<TransitionResult.Changed>(back).Task.Status);
    }
}
