using Tessera.Jobs.Scheduling;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;

namespace Tessera.Jobs.Tests.Scheduling;

public sealed class TaskHistoryPrunerTests
{
    private static readonly TaskHistoryPolicy Policy = new(TimeSpan.FromHours(1), TimeSpan.FromDays(2), 3);

    // A task of instance `instance` created at T0 + `created` hours that ended (FAILED) `ran` later, or is still running.
    private static ScheduledTask Made(string id, int instance, double created, double? endedAfter, JobKey? job = null)
    {
        var at = T0 + TimeSpan.FromHours(created);
        var task = ReschedulePolicy.Initial(id, Spec(job: job, instance: instance), at);
        task = TaskStateMachine.Assign(task, "agent-1", "h1", System.Collections.Immutable.ImmutableSortedDictionary<string, int>.Empty, at).Task;
        task = TaskStateMachine.Transition(task, ScheduleStatus.RUNNING, at, "running").Task;
        return endedAfter is { } ran ? TaskStateMachine.Transition(task, ScheduleStatus.FAILED, at + TimeSpan.FromHours(ran), "failed").Task : task;
    }

    [Fact]
    public void OldEndedTasksGoButNeverAnInstancesLatestNorARecentOne()
    {
        var tasks = new[]
        {
            Made("a-old", 0, 0, 0.1),        // ended 3 days ago
            Made("a-latest", 0, 1, 0.1),     // also old, but instance 0's latest
            Made("b-recent", 1, 71, 0.5),    // ended 30 min ago
            Made("b-latest", 1, 71.6, null), // running
        };
        var now = T0 + TimeSpan.FromHours(72);

        Assert.Equal(["a-old"], TaskHistoryPruner.Decide(tasks, new HashSet<JobKey>(), now, Policy));
    }

    [Fact]
    public void BeyondMaxPerJobTheOldestEndedTasksGoFirst()
    {
        var tasks = Enumerable.Range(0, 6).Select(i => Made($"t{i}", 0, i, 0.1)).Append(Made("now", 0, 10, null)).ToList();
        var now = T0 + TimeSpan.FromHours(11);

        Assert.Equal(["t0", "t1", "t2"], TaskHistoryPruner.Decide(tasks, new HashSet<JobKey>(), now, Policy));
        Assert.Empty(TaskHistoryPruner.Decide(tasks, new HashSet<JobKey> { Job() }, now, Policy));
    }
}
