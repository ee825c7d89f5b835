using System.Collections.Immutable;
using Tessera.Cli.Client;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Cli.Tests.Jobs;

public sealed class JobWaitTests
{
    private static JobStatus Job(bool service, params (ScheduleStatus? Status, string? Why)[] instances) =>
        new("devcluster/www-data/prod/hello", instances.Length, null, service, "true",
            [.. instances.Select((s, i) => new InstanceStatus(i, s.Status is null ? null : $"t{i}", s.Status, null, null, null, null, 0, s.Why, [], []))], null);

    [Fact]
    public void RunningIsReachedWhenEveryInstanceRunsAndReportsWhatItWaitsFor()
    {
        var waiting = JobWait.Check(Job(true, (ScheduleStatus.RUNNING, null), (ScheduleStatus.PENDING, "insufficient ram: asks 2048 MB, best agent has 1024 free")), WaitUntil.RUNNING);
        Assert.False(waiting.Done);
        Assert.Equal("PENDING 1, RUNNING 1 (instance 1: insufficient ram: asks 2048 MB, best agent has 1024 free)", waiting.Progress);

        var reached = JobWait.Check(Job(true, (ScheduleStatus.RUNNING, null), (ScheduleStatus.RUNNING, null)), WaitUntil.RUNNING);
        Assert.True(reached.Done);
        Assert.Null(reached.Failure);
    }

    [Fact]
    public void RunningFailsOnceEveryInstanceEndedAndFinishedNeedsEachToFinish()
    {
        var ended = Job(false, (ScheduleStatus.FINISHED, null), (ScheduleStatus.FAILED, null));
        Assert.Equal("every instance ended before RUNNING (FAILED 1, FINISHED 1)", JobWait.Check(ended, WaitUntil.RUNNING).Failure);
        Assert.Equal("not every instance FINISHED (FAILED 1, FINISHED 1)", JobWait.Check(ended, WaitUntil.FINISHED).Failure);

        var finished = JobWait.Check(Job(false, (ScheduleStatus.FINISHED, null), (ScheduleStatus.FINISHED, null)), WaitUntil.FINISHED);
        Assert.True(finished.Done);
        Assert.Null(finished.Failure);
        Assert.False(JobWait.Check(Job(false, (ScheduleStatus.FINISHED, null), (ScheduleStatus.RUNNING, null)), WaitUntil.FINISHED).Done);
    }

    [Fact]
    public void AnInstanceThatAlreadyFinishedCountsAsRunning()
    {
        Assert.True(JobWait.Check(Job(false, (ScheduleStatus.FINISHED, null), (ScheduleStatus.RUNNING, null)), WaitUntil.RUNNING).Done);
        var allFinished = JobWait.Check(Job(false, (ScheduleStatus.FINISHED, null), (ScheduleStatus.FINISHED, null)), WaitUntil.RUNNING);
        Assert.True(allFinished.Done);
        Assert.Null(allFinished.Failure);
        Assert.False(JobWait.Check(Job(false, (ScheduleStatus.FINISHED, null), (ScheduleStatus.PENDING, null)), WaitUntil.RUNNING).Done);
    }

    [Fact]
    public void PendingIsReachedAsSoonAsEveryInstanceHasATask()
    {
        Assert.True(JobWait.Check(Job(true, (ScheduleStatus.PENDING, "waiting"), (ScheduleStatus.ASSIGNED, null)), WaitUntil.PENDING).Done);
        Assert.False(JobWait.Check(Job(true, (ScheduleStatus.PENDING, null), (null, null)), WaitUntil.PENDING).Done);
    }
}
