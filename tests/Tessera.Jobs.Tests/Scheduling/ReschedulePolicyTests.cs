using Tessera.Jobs.Scheduling;
using static Tessera.Jobs.Scheduling.ScheduleStatus;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;

namespace Tessera.Jobs.Tests.Scheduling;

public sealed class ReschedulePolicyTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    // Runs a task for `ran` and ends it in `end`; the clock is T0-based and explicit.
    private static ScheduledTask RunAndEnd(ScheduledTask task, DateTimeOffset start, TimeSpan ran, ScheduleStatus end, params ScheduleStatus[] before)
    {
        var running = Walk(task, start, ASSIGNED, STARTING, RUNNING);
        var at = running.Since + ran;
        foreach (var status in before)
            running = TaskStateMachine.Transition(running, status, at, status.ToString()).Task;
        var result = TaskStateMachine.Transition(running, end, at, end.ToString());
        Assert.IsType<TransitionResult.Changed>(result);
        return result.Task;
    }

    [Theory]
    [InlineData(FINISHED)]
    [InlineData(FAILED)]
    [InlineData(LOST)]
    [InlineData(KILLED)]
    public void ServiceIsReplacedWhateverTheEnd(ScheduleStatus end)
    {
        var ended = RunAndEnd(Pending(Spec(service: true)), T0, Long, end);

        var decision = Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(ended, "web-0-b", ended.Since));

        Assert.Equal(PENDING, decision.Replacement.Status);
        Assert.Equal(ended.TaskId, decision.Replacement.AncestorId);
        Assert.Equal(0, decision.Replacement.Spec.InstanceId);
        Assert.Equal(TimeSpan.Zero, decision.Penalty);
        Assert.Contains($"rescheduled from {ended.TaskId}", decision.Replacement.Events[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KilledByUserIsNotReplaced()
    {
        var ended = RunAndEnd(Pending(Spec(service: true)), T0, Long, KILLED, KILLING);
        var decision = Assert.IsType<RescheduleDecision.NotRescheduled>(ReschedulePolicy.Decide(ended, "n", ended.Since));
        Assert.Equal("killed on request", decision.Reason);
    }

    [Theory]
    [InlineData(RESTARTING, FINISHED)]
    [InlineData(DRAINING, KILLED)]
    [InlineData(PREEMPTING, KILLED)]
    public void RestartDrainAndPreemptionAlwaysReplace(ScheduleStatus action, ScheduleStatus end)
    {
        var ended = RunAndEnd(Pending(Spec(service: false)), T0, Long, end, action);
        Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(ended, "n", ended.Since));
    }

    [Fact]
    public void NonServiceFinishedStaysFinished()
    {
        var ended = RunAndEnd(Pending(Spec()), T0, Long, FINISHED);
        var decision = Assert.IsType<RescheduleDecision.NotRescheduled>(ReschedulePolicy.Decide(ended, "n", ended.Since));
        Assert.Equal("FINISHED and not a service", decision.Reason);
    }

    [Fact]
    public void NonServiceLostAndKilledOutsideAreReplaced()
    {
        Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(RunAndEnd(Pending(Spec()), T0, Long, LOST), "n", T0));
        Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(RunAndEnd(Pending(Spec()), T0, Long, KILLED), "n", T0));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    public void NonServiceFailsUpToMaxTaskFailures(int max, int expectedRuns)
    {
        var task = Pending(Spec(maxFailures: max));
        var now = T0;
        var runs = 0;
        while (true)
        {
            var ended = RunAndEnd(task, now, Long, FAILED);
            runs++;
            now = ended.Since;
            var decision = ReschedulePolicy.Decide(ended, $"run-{runs}", now);
            if (decision is RescheduleDecision.NotRescheduled stop)
            {
                Assert.Equal($"FAILED {runs} times, max_task_failures is {max}", stop.Reason);
                break;
            }
            task = ((RescheduleDecision.Rescheduled)decision).Replacement;
            Assert.Equal(runs, task.FailureCount);
            Assert.True(runs < 10);
        }
        Assert.Equal(expectedRuns, runs);
    }

    [Fact]
    public void UnlimitedFailuresKeepReplacing()
    {
        var task = Pending(Spec(maxFailures: -1));
        for (var i = 0; i < 20; i++)
        {
            var ended = RunAndEnd(task, T0.AddHours(i), Long, FAILED);
            task = Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(ended, $"r{i}", ended.Since)).Replacement;
        }
        Assert.Equal(20, task.FailureCount);
    }

    [Fact]
    public void FlappingPenaltyDoublesFrom30SecondsTo5Minutes()
    {
        // A crashing service: each run lasts 10 s, far under the 5 min threshold.
        var task = Pending(Spec(service: true));
        var now = T0;
        var penalties = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var ended = RunAndEnd(task, now, TimeSpan.FromSeconds(10), FAILED);
            now = ended.Since;
            var decision = Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(ended, $"r{i}", now));
            penalties.Add(decision.Penalty.TotalSeconds);
            task = decision.Replacement;
            Assert.Equal(THROTTLED, task.Status);
            Assert.Equal(now + decision.Penalty, task.ThrottledUntil);
            // The fake clock runs to the end of the penalty; the timer moves it to PENDING.
            now = task.ThrottledUntil!.Value;
            var due = Assert.Single(TaskTimers.Due([task], now));
            Assert.Equal(PENDING, due.To);
            task = TaskStateMachine.Transition(task, PENDING, now, due.Message).Task;
        }
        Assert.Equal([30, 60, 120, 240, 300, 300, 300], penalties);
    }

    [Fact]
    public void ARunOfFiveMinutesResetsThePenalty()
    {
        var task = Pending(Spec(service: true));
        var ended = RunAndEnd(task, T0, TimeSpan.FromSeconds(5), FAILED);
        var first = Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(ended, "a", ended.Since));
        Assert.Equal(TimeSpan.FromSeconds(30), first.Penalty);

        var again = TaskStateMachine.Transition(first.Replacement, PENDING, first.Replacement.ThrottledUntil!.Value, "over").Task;
        var healthy = RunAndEnd(again, again.Since, FlappingPenalty.Threshold, FAILED);
        var second = Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(healthy, "b", healthy.Since));
        Assert.Equal(TimeSpan.Zero, second.Penalty);
        Assert.Equal(0, second.Replacement.ConsecutiveFlaps);
        Assert.Equal(PENDING, second.Replacement.Status);
    }

    [Fact]
    public void RestartedTaskDidNotFlap()
    {
        var ended = RunAndEnd(Pending(Spec(service: true)), T0, TimeSpan.FromSeconds(5), KILLED, RESTARTING);
        Assert.False(FlappingPenalty.Flapped(ended));
        var decision = Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(ended, "n", ended.Since));
        Assert.Equal(PENDING, decision.Replacement.Status);
    }

    [Fact]
    public void PenaltyFormula()
    {
        Assert.Equal(TimeSpan.Zero, FlappingPenalty.For(0));
        Assert.Equal(TimeSpan.FromSeconds(30), FlappingPenalty.For(1));
        Assert.Equal(TimeSpan.FromSeconds(240), FlappingPenalty.For(4));
        Assert.Equal(TimeSpan.FromMinutes(5), FlappingPenalty.For(5));
        Assert.Equal(TimeSpan.FromMinutes(5), FlappingPenalty.For(1000));
    }

    [Fact]
    public void ConfiguredPenaltyAndThresholdAreUsed()
    {
        var settings = new FlappingSettings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(4), FlappingPenalty.For(2, settings));
        Assert.Equal(TimeSpan.FromSeconds(5), FlappingPenalty.For(3, settings));

        var ranTwelveSeconds = RunAndEnd(Pending(Spec()), T0, TimeSpan.FromSeconds(12), FAILED);
        Assert.True(FlappingPenalty.Flapped(ranTwelveSeconds));
        Assert.False(FlappingPenalty.Flapped(ranTwelveSeconds, settings));
        var ranFiveSeconds = RunAndEnd(Pending(Spec(service: true)), T0, TimeSpan.FromSeconds(5), FAILED);
        var decision = Assert.IsType<RescheduleDecision.Rescheduled>(ReschedulePolicy.Decide(ranFiveSeconds, "n", ranFiveSeconds.Since, settings));
        Assert.Equal(THROTTLED, decision.Replacement.Status);
        Assert.Equal(ranFiveSeconds.Since + TimeSpan.FromSeconds(2), decision.Replacement.ThrottledUntil);
    }

    [Fact]
    public void ActiveTaskIsNotRescheduled()
    {
        var running = Walk(Pending(Spec(service: true)), T0, ASSIGNED, RUNNING);
        Assert.IsType<RescheduleDecision.NotRescheduled>(ReschedulePolicy.Decide(running, "n", T0));
    }
}
