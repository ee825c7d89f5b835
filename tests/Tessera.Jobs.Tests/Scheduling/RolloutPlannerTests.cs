using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;
using static Tessera.Jobs.Scheduling.ScheduleStatus;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;

namespace Tessera.Jobs.Tests.Scheduling;

public sealed class RolloutPlannerTests
{
    private static readonly JobKey Key = Job();

    /// <summary>A job's tasks by id, moved along by hand on fixed timestamps.</summary>
    private sealed class World
    {
        private readonly Dictionary<string, ScheduledTask> _tasks = new(StringComparer.Ordinal);
        private int _ids;

        public IReadOnlyList<ScheduledTask> Tasks => [.. _tasks.Values];

        public ScheduledTask this[string id] => _tasks[id];

        /// <summary>Instances 0..n-1, each RUNNING since <paramref name="at"/>.</summary>
        public World Running(int instances, DateTimeOffset at)
        {
            for (var i = 0; i < instances; i++)
                Put(Walk(Pending(Spec(instance: i, service: true), $"web-{i}-a"), at - TimeSpan.FromSeconds(3), ASSIGNED, STARTING, RUNNING));
            return this;
        }

        public ScheduledTask Put(ScheduledTask task) => _tasks[task.TaskId] = task;

        public ScheduledTask Move(string id, ScheduleStatus to, DateTimeOffset at)
        {
            var result = TaskStateMachine.Transition(_tasks[id], to, at, $"to {to}");
            Assert.IsType<TransitionResult.Changed>(result);
            return Put(result.Task);
        }

        /// <summary>What the host does with a Restart step: RESTARTING now.</summary>
        public void Apply(RolloutPlan plan, DateTimeOffset at)
        {
            foreach (var restart in plan.Restarts)
                Move(restart.TaskId, RESTARTING, at);
        }

        /// <summary><paramref name="id"/> ends in <paramref name="end"/> at <paramref name="at"/> and is replaced (PENDING) as the scheduler would.</summary>
        public string End(string id, ScheduleStatus end, DateTimeOffset at)
        {
            var ended = Move(id, end, at);
            var next = $"web-{ended.Spec.InstanceId}-r{++_ids}";
            if (ReschedulePolicy.Decide(ended, next, at) is RescheduleDecision.Rescheduled r)
            {
                // No flapping penalty in these tests: the replacement waits PENDING.
                Put(r.Replacement.Status == THROTTLED ? TaskStateMachine.Transition(r.Replacement, PENDING, at, "now").Task : r.Replacement);
                return next;
            }
            return "";
        }

        /// <summary>The replacement <paramref name="id"/> is placed and RUNNING at <paramref name="at"/>.</summary>
        public void Run(string id, DateTimeOffset at) => Put(Walk(_tasks[id], at - TimeSpan.FromSeconds(3), ASSIGNED, STARTING, RUNNING));

        /// <summary>Restarted task <paramref name="id"/> is killed at <paramref name="at"/>; its replacement RUNNING 5 s later. Returns the replacement's id.</summary>
        public string Replace(string id, DateTimeOffset at)
        {
            var next = End(id, KILLED, at);
            Run(next, at + TimeSpan.FromSeconds(5));
            return next;
        }
    }

    private static RolloutState Start(int instances, RolloutSettings settings) =>
        RolloutState.Start(Key, Enumerable.Range(0, instances), settings, T0);

    private static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    [Fact]
    public void TheFirstBatchRestartsBatchSizeInstancesInOrder()
    {
        var world = new World().Running(3, T0);

        var plan = RolloutPlanner.Decide(Start(3, new RolloutSettings(BatchSize: 2)), world.Tasks, T0);

        Assert.Equal([new RolloutStep.Restart(0, "web-0-a"), new RolloutStep.Restart(1, "web-1-a")], plan.Steps.ToArray());
        Assert.Equal([0, 1], plan.Next.InFlight.Select(i => i.Instance));
        Assert.All(plan.Next.InFlight, i => Assert.Equal(T0, i.RestartedAt));
        Assert.Equal([2], plan.Next.Remaining.ToArray());
        Assert.Equal(RolloutPhase.Rolling, plan.Next.Phase);
    }

    [Fact]
    public void NothingHappensWhileTheRestartedTaskIsBeingKilled()
    {
        var world = new World().Running(1, T0);
        var first = RolloutPlanner.Decide(Start(1, new RolloutSettings()), world.Tasks, T0);
        world.Apply(first, T0);

        var plan = RolloutPlanner.Decide(first.Next, world.Tasks, At(60));

        Assert.Empty(plan.Steps.ToArray());
        Assert.Same(first.Next, plan.Next);
    }

    [Fact]
    public void ARestartTheHostCouldNotApplyIsAskedAgain()
    {
        var world = new World().Running(1, T0);
        var first = RolloutPlanner.Decide(Start(1, new RolloutSettings()), world.Tasks, T0);

        var plan = RolloutPlanner.Decide(first.Next, world.Tasks, At(1));

        Assert.Equal([new RolloutStep.Restart(0, "web-0-a")], plan.Steps.ToArray());
    }

    [Fact]
    public void AnInstanceIsDoneOnlyOnceItsReplacementRanForTheWholeWatch()
    {
        var world = new World().Running(2, T0);
        var first = RolloutPlanner.Decide(Start(2, new RolloutSettings(WatchSecs: 30)), world.Tasks, T0);
        world.Apply(first, T0);
        var replacement = world.Replace("web-0-a", At(1)); // RUNNING at 6

        var early = RolloutPlanner.Decide(first.Next, world.Tasks, At(35.9));
        Assert.Empty(early.Steps.ToArray());
        Assert.Same(first.Next, early.Next);

        var over = RolloutPlanner.Decide(first.Next, world.Tasks, At(36));
        Assert.Equal([new RolloutStep.InstanceDone(0, replacement), new RolloutStep.Restart(1, "web-1-a")], over.Steps.ToArray());
        Assert.Equal([0], over.Next.Done.ToArray());
        Assert.Equal([1], over.Next.InFlight.Select(i => i.Instance));
        Assert.Empty(over.Next.Remaining.ToArray());
    }

    [Fact]
    public void AWatchOfZeroIsDoneAsSoonAsTheReplacementRuns()
    {
        var world = new World().Running(1, T0);
        var first = RolloutPlanner.Decide(Start(1, new RolloutSettings(WatchSecs: 0)), world.Tasks, T0);
        world.Apply(first, T0);
        world.Replace("web-0-a", At(1));

        var plan = RolloutPlanner.Decide(first.Next, world.Tasks, At(6));

        Assert.Equal(RolloutPhase.Done, plan.Next.Phase);
        Assert.Equal("restarted 1 of 1 instance", plan.Next.Reason);
        Assert.Equal(At(6), plan.Next.EndedAt);
        Assert.IsType<RolloutStep.Finished>(plan.Steps[^1]);
    }

    [Fact]
    public void TheNextBatchWaitsForEveryInstanceOfTheCurrentOne()
    {
        var world = new World().Running(3, T0);
        var first = RolloutPlanner.Decide(Start(3, new RolloutSettings(BatchSize: 2, WatchSecs: 10)), world.Tasks, T0);
        world.Apply(first, T0);
        world.Replace("web-0-a", At(1));  // RUNNING at 6
        world.Replace("web-1-a", At(10)); // RUNNING at 15

        var one = RolloutPlanner.Decide(first.Next, world.Tasks, At(20));
        Assert.Equal([0], one.Steps.OfType<RolloutStep.InstanceDone>().Select(s => s.Instance));
        Assert.Empty(one.Restarts);
        Assert.Equal([1], one.Next.InFlight.Select(i => i.Instance));

        var both = RolloutPlanner.Decide(one.Next, world.Tasks, At(25));
        Assert.Equal([new RolloutStep.Restart(2, "web-2-a")], both.Restarts);
        Assert.Equal([0, 1], both.Next.Done.ToArray());
    }

    [Fact]
    public void AReplacementThatEndsWithinItsWatchFailsTheInstanceAndTheRestartLeavesTheRestAlone()
    {
        var world = new World().Running(3, T0);
        var first = RolloutPlanner.Decide(Start(3, new RolloutSettings(WatchSecs: 30)), world.Tasks, T0);
        world.Apply(first, T0);
        var replacement = world.Replace("web-0-a", At(1)); // RUNNING at 6
        world.End(replacement, FAILED, At(16));

        var plan = RolloutPlanner.Decide(first.Next, world.Tasks, At(17));

        var failed = Assert.Single(plan.Steps.OfType<RolloutStep.InstanceFailed>());
        Assert.Equal(0, failed.Instance);
        Assert.Contains($"replacement {replacement} ended FAILED after 10 s of its 30 s watch", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("more than max_per_instance_failures 0", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(plan.Restarts);
        Assert.Equal(RolloutPhase.Failed, plan.Next.Phase);
        Assert.StartsWith("1 instance failed, more than max_total_failures 0 (instance 0: 1 replacement failed", plan.Next.Reason, StringComparison.Ordinal);
        Assert.Equal([1, 2], plan.Next.Remaining.ToArray());
        Assert.Equal(RUNNING, world["web-1-a"].Status);

        // A failed restart is over: nothing more is decided.
        var later = RolloutPlanner.Decide(plan.Next, world.Tasks, At(100));
        Assert.Empty(later.Steps.ToArray());
        Assert.Same(plan.Next, later.Next);
    }

    [Fact]
    public void ALostReplacementBeforeItRanIsAFailureToo()
    {
        var world = new World().Running(1, T0);
        var first = RolloutPlanner.Decide(Start(1, new RolloutSettings(MaxPerInstanceFailures: 1, MaxTotalFailures: 1)), world.Tasks, T0);
        world.Apply(first, T0);
        var replacement = world.End("web-0-a", KILLED, At(1));
        world.Put(Walk(world[replacement], At(1), ASSIGNED, STARTING));
        world.End(replacement, LOST, At(5));

        var plan = RolloutPlanner.Decide(first.Next, world.Tasks, At(6));

        var step = Assert.Single(plan.Steps.ToArray());
        var failure = Assert.IsType<RolloutStep.ReplacementFailed>(step);
        Assert.Contains("ended LOST before it ran healthy", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(plan.Next.InFlight).Failures);
    }

    [Fact]
    public void FailuresUpToThePerInstanceLimitAreToleratedAndOneMoreFailsTheInstance()
    {
        var world = new World().Running(1, T0);
        var settings = new RolloutSettings(WatchSecs: 30, MaxPerInstanceFailures: 1, MaxTotalFailures: 1);
        var first = RolloutPlanner.Decide(Start(1, settings), world.Tasks, T0);
        world.Apply(first, T0);
        var r1 = world.Replace("web-0-a", At(1)); // RUNNING at 6
        var r2 = world.End(r1, FAILED, At(10));

        var once = RolloutPlanner.Decide(first.Next, world.Tasks, At(11));
        Assert.Equal([new RolloutStep.ReplacementFailed(0, r1, ((RolloutStep.ReplacementFailed)once.Steps[0]).Reason)], once.Steps.ToArray());
        Assert.Equal(1, Assert.Single(once.Next.InFlight).Failures);
        Assert.Equal(RolloutPhase.Rolling, once.Next.Phase);

        // Counted once: the same snapshot later decides nothing new.
        Assert.Empty(RolloutPlanner.Decide(once.Next, world.Tasks, At(12)).Steps);

        world.Run(r2, At(20));
        world.End(r2, FAILED, At(25));
        var twice = RolloutPlanner.Decide(once.Next, world.Tasks, At(26));
        Assert.Equal(3, twice.Steps.Length);
        Assert.Equal(new RolloutStep.Finished(RolloutPhase.Done, "restarted 0 of 1 instance, 1 failed"), twice.Steps[2]);
        Assert.IsType<RolloutStep.ReplacementFailed>(twice.Steps[0]);
        var failed = Assert.IsType<RolloutStep.InstanceFailed>(twice.Steps[1]);
        Assert.StartsWith("2 replacements failed, more than max_per_instance_failures 1", failed.Reason, StringComparison.Ordinal);
        // One failed instance is within max_total_failures 1: the restart ends done, with the failure listed.
        Assert.Equal(RolloutPhase.Done, twice.Next.Phase);
        Assert.Equal("restarted 0 of 1 instance, 1 failed", twice.Next.Reason);
        Assert.Equal(0, Assert.Single(twice.Next.Failed).Instance);
    }

    [Fact]
    public void AReplacementThatRecoversWithinTheLimitStillMakesItsInstanceDone()
    {
        var world = new World().Running(1, T0);
        var first = RolloutPlanner.Decide(Start(1, new RolloutSettings(WatchSecs: 30, MaxPerInstanceFailures: 1)), world.Tasks, T0);
        world.Apply(first, T0);
        var r1 = world.Replace("web-0-a", At(1));
        var r2 = world.End(r1, FAILED, At(10));
        world.Run(r2, At(20));

        var plan = RolloutPlanner.Decide(first.Next, world.Tasks, At(50));

        Assert.IsType<RolloutStep.ReplacementFailed>(plan.Steps[0]);
        Assert.Equal(new RolloutStep.InstanceDone(0, r2), plan.Steps[1]);
        Assert.Equal(RolloutPhase.Done, plan.Next.Phase);
    }

    [Fact]
    public void MoreFailedInstancesThanTheTotalLimitFailTheRestart()
    {
        var world = new World().Running(3, T0);
        var settings = new RolloutSettings(WatchSecs: 30, MaxTotalFailures: 1);
        var first = RolloutPlanner.Decide(Start(3, settings), world.Tasks, T0);
        world.Apply(first, T0);
        world.End(world.Replace("web-0-a", At(1)), FAILED, At(10));

        var one = RolloutPlanner.Decide(first.Next, world.Tasks, At(11));
        Assert.Equal(RolloutPhase.Rolling, one.Next.Phase);
        Assert.Equal([new RolloutStep.Restart(1, "web-1-a")], one.Restarts);
        world.Apply(one, At(11));
        world.End(world.Replace("web-1-a", At(12)), FAILED, At(20));

        var two = RolloutPlanner.Decide(one.Next, world.Tasks, At(21));
        Assert.Equal(RolloutPhase.Failed, two.Next.Phase);
        Assert.StartsWith("2 instances failed, more than max_total_failures 1 (instance 0:", two.Next.Reason, StringComparison.Ordinal);
        Assert.Equal([2], two.Next.Remaining.ToArray());
        Assert.Empty(two.Restarts);
        Assert.Equal(new RolloutStep.Finished(RolloutPhase.Failed, two.Next.Reason!), two.Steps[^1]);
    }

    [Fact]
    public void KilledInstancesAreDroppedAndTheRestartEndsDone()
    {
        var world = new World().Running(3, T0);
        var first = RolloutPlanner.Decide(Start(3, new RolloutSettings(WatchSecs: 30)), world.Tasks, T0);
        world.Apply(first, T0);
        // Instance 0's replacement is killed on request; instance 1 was killed before its turn.
        var r = world.Replace("web-0-a", At(1));
        world.Move(r, KILLING, At(8));
        world.Move("web-1-a", KILLING, At(7));
        world.End("web-1-a", KILLED, At(8));

        var plan = RolloutPlanner.Decide(first.Next, world.Tasks, At(9));

        Assert.Equal([0, 1], plan.Steps.OfType<RolloutStep.InstanceSkipped>().Select(s => s.Instance));
        Assert.Contains("killed on request", plan.Next.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.Equal("no active task: nothing to restart", plan.Next.Skipped[1].Reason);
        Assert.Equal([new RolloutStep.Restart(2, "web-2-a")], plan.Restarts);
    }

    [Fact]
    public void AKillDuringTheRestartDropsTheInstance()
    {
        var world = new World().Running(1, T0);
        var first = RolloutPlanner.Decide(Start(1, new RolloutSettings()), world.Tasks, T0);
        world.Apply(first, T0);
        world.Move("web-0-a", KILLING, At(1));
        world.End("web-0-a", KILLED, At(2));

        var plan = RolloutPlanner.Decide(first.Next, world.Tasks, At(3));

        Assert.Equal(new RolloutStep.InstanceSkipped(0, "killed on request while restarting"), plan.Steps[0]);
        Assert.Equal(RolloutPhase.Done, plan.Next.Phase);
        Assert.Equal("restarted 0 of 1 instance, 1 skipped", plan.Next.Reason);
    }

    [Fact]
    public void PendingInstancesHaveNothingToRestart()
    {
        var world = new World();
        world.Put(Pending(Spec(instance: 0, service: true), "web-0-a"));

        var plan = RolloutPlanner.Decide(Start(1, new RolloutSettings()), world.Tasks, T0);

        Assert.Equal(new RolloutStep.InstanceSkipped(0, "PENDING, not on an agent yet: nothing to restart"), plan.Steps[0]);
        Assert.Equal(RolloutPhase.Done, plan.Next.Phase);
    }

    [Fact]
    public void AnUnhealthyReplacementIsNotRunningOkAndItsWatchStartsAgainWhenItRecovers()
    {
        var world = new World().Running(1, T0);
        var first = RolloutPlanner.Decide(Start(1, new RolloutSettings(WatchSecs: 30)), world.Tasks, T0);
        world.Apply(first, T0);
        var r = world.Replace("web-0-a", At(1)); // RUNNING at 6
        world.Put(world[r].WithHealth(false, At(10)));

        Assert.Empty(RolloutPlanner.Decide(first.Next, world.Tasks, At(100)).Steps);
        Assert.Null(RolloutPlanner.RanFor(world[r], At(100)));
        // Had it ended now, it would have run healthy for 4 s only.
        Assert.Equal(TimeSpan.FromSeconds(4), RolloutPlanner.RanFor(TaskStateMachine.Transition(world[r], FAILED, At(100), "x").Task, At(100)));

        world.Put(world[r].WithHealth(true, At(110)));
        Assert.Empty(RolloutPlanner.Decide(first.Next, world.Tasks, At(139)).Steps);
        Assert.Equal(TimeSpan.FromSeconds(29), RolloutPlanner.RanFor(world[r], At(139)));
        Assert.Equal(new RolloutStep.InstanceDone(0, r), RolloutPlanner.Decide(first.Next, world.Tasks, At(140)).Steps[0]);
    }

    [Fact]
    public void AHealthyVerdictOnAHealthyTaskDoesNotRestartItsWatch()
    {
        var task = Walk(Pending(Spec(service: true)), T0, ASSIGNED, STARTING, RUNNING).WithHealth(true, At(10));

        Assert.Null(task.HealthChangedAt);
        Assert.Same(task, task.WithHealth(true, At(20)));
        Assert.Same(task, task.WithHealth(null, At(20)));
        Assert.Equal(TimeSpan.FromSeconds(97), RolloutPlanner.RanFor(task, At(100)));
    }

    [Fact]
    public void AReplacementThatEndedAfterItsWatchStillCounts()
    {
        var world = new World().Running(1, T0);
        var first = RolloutPlanner.Decide(Start(1, new RolloutSettings(WatchSecs: 30)), world.Tasks, T0);
        world.Apply(first, T0);
        var r = world.Replace("web-0-a", At(1)); // RUNNING at 6
        world.End(r, FAILED, At(40));

        var plan = RolloutPlanner.Decide(first.Next, world.Tasks, At(41));

        Assert.Equal(new RolloutStep.InstanceDone(0, r), plan.Steps[0]);
    }

    [Fact]
    public void AnInstanceAlreadyBeingReplacedIsWatchedWithoutAnotherKill()
    {
        var world = new World().Running(1, T0);
        world.Move("web-0-a", DRAINING, At(1));

        var plan = RolloutPlanner.Decide(Start(1, new RolloutSettings()), world.Tasks, At(2));

        Assert.Empty(plan.Restarts);
        Assert.Equal("web-0-a", Assert.Single(plan.Next.InFlight).RestartedTaskId);
    }

    [Theory]
    [InlineData(0, 30, 0, 0, "batch_size: must be at least 1, not 0")]
    [InlineData(1, -1, 0, 0, "watch_secs: must be at least 0, not -1")]
    [InlineData(1, 30, -2, 0, "max_per_instance_failures: must be at least 0, not -2")]
    [InlineData(1, 30, 0, -1, "max_total_failures: must be at least 0, not -1")]
    public void BadSettingsNameTheField(int batch, int watch, int perInstance, int total, string expected) =>
        Assert.Equal(expected, new RolloutSettings(batch, watch, perInstance, total).Problem());

    [Fact]
    public void StartOrdersAndDeduplicatesTheInstances()
    {
        var state = RolloutState.Start(Key, [3, 1, 3, 0], new RolloutSettings(), T0);

        Assert.Equal([0, 1, 3], state.Remaining.ToArray());
        Assert.Null(new RolloutSettings().Problem());
    }
}
