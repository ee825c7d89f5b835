using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;
using static Tessera.Jobs.Scheduling.ScheduleStatus;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;
using static Tessera.Jobs.Tests.Updates.UpdateWorld;

namespace Tessera.Jobs.Tests.Updates;

public sealed class UpdateEvaluatorTests
{
    private static readonly JobSpec Old = JobOf(4, cpus: 1);
    private static readonly JobSpec New = JobOf(4, cpus: 2);

    [Fact]
    public void TheQueueKillsBatchSizeOldTasksThenCreatesTheirReplacementsOnTheNewConfig()
    {
        var world = new UpdateWorld().Running(Old).Start(Old, New, Settings(sizes: [2]));

        var first = world.Decide(At(1));

        Assert.Equal(["old-0", "old-1"], first.Actions.OfType<UpdateAction.Kill>().Select(k => k.TaskId));
        Assert.Equal(KILLING, world["old-0"].Status);
        Assert.Equal(["0:INSTANCE_UPDATING", "1:INSTANCE_UPDATING"], world.Events());
        Assert.Empty(world.Decide(At(2)).Actions);

        world.KillsLand(At(3));
        var creates = world.Decide(At(4)).Actions.OfType<UpdateAction.Create>().ToList();

        Assert.Equal([0, 1], creates.Select(c => c.Instance));
        Assert.All(creates, c => Assert.Equal(2, c.Spec.Resources.Cpus));
    }

    [Fact]
    public void AnInstanceIsUpdatedAfterItsNewTaskRanForTheWatchAndTheWindowSlides()
    {
        var world = new UpdateWorld().Running(Old).Start(Old, New, Settings(sizes: [2], watch: 10));
        world.Decide(At(1));
        world.KillsLand(At(2));
        world.Decide(At(3));
        world.PendingRun(At(5));

        Assert.Empty(world.Decide(At(14.9)).Actions);
        Assert.DoesNotContain("0:INSTANCE_UPDATED", world.Events());

        var next = world.Decide(At(15));

        Assert.Contains("0:INSTANCE_UPDATED", world.Events());
        Assert.Equal(["old-2", "old-3"], next.Actions.OfType<UpdateAction.Kill>().Select(k => k.TaskId));
        Assert.Equal([2, 3], Working(world.Update));
    }

    [Fact]
    public void AnUpdateEndsRolledForwardWhenEveryInstanceRanTheNewConfig()
    {
        var world = new UpdateWorld().Running(Old).Start(Old, New, Settings(sizes: [4], watch: 0));
        world.Decide(At(1));
        world.KillsLand(At(2));
        world.Decide(At(3));
        world.PendingRun(At(5));

        var done = world.Decide(At(5));

        Assert.True(done.Ended);
        Assert.Equal(UpdateStatus.ROLLED_FORWARD, world.Update.Status);
        Assert.Equal("4 of 4 instances updated", world.Update.Events[^1].Message);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(2, world.Newest(i).Spec.Resources.Cpus));
    }

    [Fact]
    public void ARunningTaskReportedUnhealthyDoesNotCountTowardsTheWatch()
    {
        var world = new UpdateWorld().Running(JobOf(1, 1)).Start(JobOf(1, 1), JobOf(1, 2), Settings(watch: 10));
        world.Decide(At(1));
        world.KillsLand(At(2));
        world.Decide(At(3));
        world.PendingRun(At(5));
        world.Put(world.Newest(0).WithHealth(false, At(6)));

        world.Decide(At(30));

        Assert.Equal(UpdateStatus.ROLLING_FORWARD, world.Update.Status);
        world.Put(world.Newest(0).WithHealth(true, At(31)));
        world.Decide(At(41));
        Assert.Equal(UpdateStatus.ROLLED_FORWARD, world.Update.Status);
    }

    [Fact]
    public void BatchesWaitForTheWholeBatchAndVariableBatchesGrowWithTheLastSizeRepeating()
    {
        var six = JobOf(6, 1);
        var world = new UpdateWorld().Running(six).Start(six, JobOf(6, 2),
            Settings(UpdateStrategy.VariableBatch, sizes: [1, 2], watch: 0));
        var batches = new List<int[]>();
        for (var t = 1; world.Update.Status == UpdateStatus.ROLLING_FORWARD && t < 60; t += 3)
        {
            var kills = world.Decide(At(t)).Actions.OfType<UpdateAction.Kill>().Select(k => k.Instance).ToArray();
            if (kills.Length > 0) batches.Add(kills);
            world.KillsLand(At(t + 1));
            world.Decide(At(t + 1));
            world.PendingRun(At(t + 2));
        }

        Assert.Equal([[0], [1, 2], [3, 4], [5]], batches);
        Assert.Equal(UpdateStatus.ROLLED_FORWARD, world.Update.Status);
    }

    [Fact]
    public void AutopausePausesBeforeEachBatchAfterTheFirstAndResumeStartsIt()
    {
        var world = new UpdateWorld().Running(Old).Start(Old, New, Settings(UpdateStrategy.Batch, sizes: [2], watch: 0,
            autopause: true));
        world.Decide(At(1));
        world.KillsLand(At(2));
        world.Decide(At(3));
        world.PendingRun(At(4));

        var paused = world.Decide(At(5));

        Assert.Equal(UpdateStatus.ROLL_FORWARD_PAUSED, world.Update.Status);
        Assert.Empty(paused.Actions.OfType<UpdateAction.Kill>());
        Assert.Empty(world.Decide(At(6)).Actions);
        world.Update = Assert.IsType<ControlResult.Changed>(UpdateControl.Resume(world.Update, At(7))).Update;
        Assert.Equal(["old-2", "old-3"], world.Decide(At(8)).Actions.OfType<UpdateAction.Kill>().Select(k => k.TaskId));
    }

    [Fact]
    public void AnOldTaskNotOnAnAgentYetIsDeletedAndReplacedInOneStep()
    {
        var world = new UpdateWorld();
        world.Put(Tessera.Jobs.Tests.Scheduling.Fixtures.Pending(JobOf(1, 1).Instance(0), "old-0"));
        world.Start(JobOf(1, 1), JobOf(1, 2), Settings());

        var decision = world.Decide(At(1));

        Assert.Collection(decision.Actions,
            a => Assert.Equal("old-0", Assert.IsType<UpdateAction.Kill>(a).TaskId),
            a => Assert.Equal(2, Assert.IsType<UpdateAction.Create>(a).Spec.Resources.Cpus));
    }

    [Fact]
    public void AddedInstancesAreCreatedAndRemovedOnesKilled()
    {
        var two = JobOf(2, 1);
        var world = new UpdateWorld().Running(two).Start(two, JobOf(3, 1), Settings(watch: 0));
        Assert.Equal([2], world.Update.Instances.Select(p => p.Instance));
        var add = world.Decide(At(1));
        Assert.Equal(2, Assert.IsType<UpdateAction.Create>(Assert.Single(add.Actions)).Instance);

        var shrink = new UpdateWorld().Running(JobOf(3, 1))
            .Start(JobOf(3, 1), JobOf(1, 1), Settings(sizes: [2], watch: 0));
        var kills = shrink.Decide(At(1));
        Assert.Equal(["old-1", "old-2"], kills.Actions.OfType<UpdateAction.Kill>().Select(k => k.TaskId));
        shrink.KillsLand(At(2));
        shrink.Decide(At(3));
        Assert.Equal(UpdateStatus.ROLLED_FORWARD, shrink.Update.Status);
        Assert.Equal(1, shrink.Update.To.Instances);
    }

    [Fact]
    public void ARestartReplacesEveryTaskOnItsOwnConfigEvenWhenNothingChanged()
    {
        var world = new UpdateWorld().Running(Old)
            .Start(Old, Old, Settings(UpdateStrategy.Batch, sizes: [2], watch: 0), restart: true);
        Assert.Equal("restarting 4 instances", world.Update.Events[0].Message);

        Assert.Equal(["old-0", "old-1"], world.Decide(T0).Actions.OfType<UpdateAction.Kill>().Select(k => k.TaskId));
        world.KillsLand(T0);
        var creates = world.Decide(T0).Actions.OfType<UpdateAction.Create>().ToList();
        Assert.Equal([0, 1], creates.Select(c => c.Instance));
        Assert.All(creates, c => Assert.True(c.Spec.SameConfig(Old.Instance(0))));
        for (var t = 1; world.Update.Status.IsActive() && t < 20; t++)
        {
            world.PendingRun(At(t));
            world.Decide(At(t));
            world.KillsLand(At(t));
            world.Decide(At(t));
        }

        Assert.Equal(UpdateStatus.ROLLED_FORWARD, world.Update.Status);
        Assert.Equal("4 of 4 instances restarted", world.Update.Events[^1].Message);
        // The new tasks of 0 and 1 were created at the same instant as the old ones: told apart by id, not by time.
        Assert.All(world.Tasks, t => Assert.Equal(
            t.TaskId.StartsWith("new-", StringComparison.Ordinal) ? RUNNING : KILLED, t.Status));
    }
}
