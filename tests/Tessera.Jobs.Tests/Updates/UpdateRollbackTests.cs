using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;
using static Tessera.Jobs.Scheduling.ScheduleStatus;
using static Tessera.Jobs.Tests.Updates.UpdateWorld;

namespace Tessera.Jobs.Tests.Updates;

public sealed class UpdateRollbackTests
{
    private static readonly JobSpec Old = JobOf(4, cpus: 1);
    private static readonly JobSpec New = JobOf(4, cpus: 2);

    /// <summary>Runs the first batch onto the new config: killed, created, placed and RUNNING at 5 s.</summary>
    private static UpdateWorld FirstBatchRunning(UpdateSettings settings)
    {
        var world = new UpdateWorld().Running(Old).Start(Old, New, settings);
        world.Decide(At(1));
        world.KillsLand(At(2));
        world.Decide(At(3));
        world.PendingRun(At(5));
        return world;
    }

    [Fact]
    public void ANewTaskThatFailsBeforeItsWatchFailsTheInstanceAndTheUpdateRollsBackInReverse()
    {
        var world = FirstBatchRunning(Settings(sizes: [2], watch: 30));
        world.End(world.Newest(1), FAILED, At(8));

        var back = world.Decide(At(9));

        Assert.Equal(UpdateStatus.ROLLING_BACK, world.Update.Status);
        Assert.StartsWith("1 instance failed, more than max_total_failures 0 (instance 1: 1 task failed",
            world.Update.Events[^1].Message);
        Assert.Equal([1, 0], world.Update.Instances.Select(p => p.Instance));
        Assert.Contains("1:INSTANCE_UPDATE_FAILED", world.Events());
        Assert.Equal([1, 0], back.Actions.OfType<UpdateAction.Kill>().Select(k => k.Instance));
    }

    [Fact]
    public void ARollbackPutsTheOriginalConfigBackAndEndsRolledBack()
    {
        var world = FirstBatchRunning(Settings(sizes: [2], watch: 30));
        world.End(world.Newest(0), FAILED, At(8));
        for (var t = 9; world.Update.Status.IsActive() && t < 200; t += 40)
        {
            world.Decide(At(t));
            world.KillsLand(At(t + 1));
            world.Decide(At(t + 2));
            world.PendingRun(At(t + 3));
        }

        Assert.Equal(UpdateStatus.ROLLED_BACK, world.Update.Status);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(1, world.Newest(i).Spec.Resources.Cpus));
        Assert.Contains("0:INSTANCE_ROLLED_BACK", world.Events());
        Assert.Equal(["old-2", "old-3"], world.Tasks
            .Where(t => t.TaskId.StartsWith("old-2") || t.TaskId.StartsWith("old-3"))
            .Where(t => t.Status == RUNNING).Select(t => t.TaskId).Order());
    }

    [Fact]
    public void WithoutRollbackOnFailureTheUpdateEndsFailedAndTakesNoAction()
    {
        var world = FirstBatchRunning(Settings(sizes: [2], watch: 30, rollback: false));
        world.End(world.Newest(0), FAILED, At(8));

        var failed = world.Decide(At(9));

        Assert.Equal(UpdateStatus.FAILED, world.Update.Status);
        Assert.EndsWith("rollback_on_failure is off", world.Update.Events[^1].Message);
        Assert.Empty(failed.Actions);
    }

    [Fact]
    public void FailuresWithinTheLimitsLetTheSchedulersReplacementTryAgain()
    {
        var world = FirstBatchRunning(Settings(sizes: [2], watch: 30, perInstance: 1, total: 1));
        world.End(world.Newest(0), FAILED, At(8));
        var first = world.Decide(At(9));
        Assert.Empty(first.Actions);
        Assert.Equal(1, world.Update.Instances.Single(p => p.Instance == 0).Failures);

        world.PendingRun(At(12));
        world.End(world.Newest(0), FAILED, At(14));
        world.Decide(At(15));

        Assert.Equal(InstancePhase.Failed, world.Update.Instances.Single(p => p.Instance == 0).Phase);
        Assert.Equal(UpdateStatus.ROLLING_FORWARD, world.Update.Status);
        Assert.Equal([1, 2], Working(world.Update));
    }

    [Fact]
    public void AnUpdateWithAPulseIntervalBlocksUntilPulsedAndAgainWhenThePulseIsOverdue()
    {
        var world = new UpdateWorld().Running(Old).Start(Old, New, Settings(pulse: 60));
        Assert.Equal(UpdateStatus.ROLL_FORWARD_AWAITING_PULSE, world.Update.Status);
        Assert.Empty(world.Decide(At(1)).Actions);

        world.Update = Assert.IsType<ControlResult.Changed>(UpdateControl.Pulse(world.Update, At(2))).Update;
        Assert.Equal(UpdateStatus.ROLLING_FORWARD, world.Update.Status);
        Assert.Single(world.Decide(At(3)).Actions);

        Assert.Empty(world.Decide(At(62)).Actions);
        Assert.Equal(UpdateStatus.ROLL_FORWARD_AWAITING_PULSE, world.Update.Status);
        Assert.Equal("no pulse for 60 s: blocked until the next", world.Update.Events[^1].Message);
    }

    [Fact]
    public void AManualRollbackTurnsAroundOnlyTheInstancesTouched()
    {
        var world = FirstBatchRunning(Settings(sizes: [2], watch: 30));

        world.Update = Assert.IsType<ControlResult.Changed>(UpdateControl.Rollback(world.Update, At(6))).Update;
        var back = world.Decide(At(7));

        Assert.Equal([1, 0], world.Update.Instances.Select(p => p.Instance));
        Assert.Equal(2, back.Actions.OfType<UpdateAction.Kill>().Count());
        Assert.IsType<ControlResult.Refused>(UpdateControl.Rollback(world.Update, At(8)));
    }

    [Fact]
    public void ATaskLostBeforeItEverStartedIsNotAFailureOfTheNewConfig()
    {
        var world = new UpdateWorld().Running(Old).Start(Old, New, Settings(sizes: [1], watch: 30));
        world.Decide(At(1));
        world.KillsLand(At(2));
        world.Decide(At(3));
        var placed = Tessera.Jobs.Tests.Scheduling.Fixtures.Walk(world.Newest(0), At(3), ASSIGNED);
        world.Put(placed);

        // The launch never reached an agent (say the scheduler died before sending it): reconciliation says LOST.
        world.End(placed, LOST, At(6));
        world.Decide(At(7));

        Assert.Equal(UpdateStatus.ROLLING_FORWARD, world.Update.Status);
        Assert.Equal(0, world.Update.Instances.Single(p => p.Instance == 0).Failures);
        world.PendingRun(At(8));
        world.Decide(At(40));
        Assert.Contains("0:INSTANCE_UPDATED", world.Events());
    }
}
