using System.Collections.Immutable;
using System.Globalization;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Updates;

/// <summary>
/// One instance of an update, judged from its tasks (Aurora's <c>InstanceUpdater</c>, pure):
/// <list type="bullet">
/// <item>no desired config: kill its active task; done once it has none;</item>
/// <item>a task on the desired config, started since the instance did, that has been RUNNING (and
/// not unhealthy) for the watch: done (also when it ended after that);</item>
/// <item>such tasks that ended before the watch (not killed on request, drained or preempted) are
/// failures; more than <c>max_per_shard_failures</c> fail the instance. A task LOST or KILLED before
/// it ever started is not the config's failure: its launch was lost (an agent gone, or the
/// scheduler killed between placing it and sending the launch, which reconciliation then reports);
/// the scheduler's replacement is watched instead;</item>
/// <item>an active task on another config is killed; with no active task a new one is created
/// (the scheduler's own rescheduling replaces failed tasks in between);</item>
/// <item>in a restart, the task active when the instance started (<see cref="InstanceProgress.ReplacedTaskId"/>)
/// counts as another config: it is replaced even though its config is the same.</item>
/// </list>
/// </summary>
public static class InstanceEvaluator
{
    /// <summary>The verdict on <paramref name="progress"/> given the instance's tasks (any state, any age).</summary>
    public static InstanceVerdict Evaluate(InstanceProgress progress, TaskSpec? desired,
        IEnumerable<ScheduledTask> instanceTasks, UpdateSettings settings, DateTimeOffset now, string killReason)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(instanceTasks);
        ArgumentNullException.ThrowIfNull(settings);
        var tasks = instanceTasks as IReadOnlyCollection<ScheduledTask> ?? [.. instanceTasks];
        var active = tasks.Where(t => t.Status.IsActive()).MaxBy(Created);
        if (desired is null)
        {
            return active is null ? new InstanceVerdict.Succeeded("no task left: removed")
                : Killable(active) ? Act(0, null, [Kill(active, killReason)])
                : new InstanceVerdict.Pending(0, null, []);
        }
        var started = progress.StartedAt ?? now;
        var replaced = progress.ReplacedTaskId;
        var ours = tasks
            .Where(t => t.TaskId != replaced && t.Spec.SameConfig(desired) && (Created(t) >= started || t == active))
            .ToList();
        if (ours.FirstOrDefault(t => RunningTime.RanFor(t, now) >= settings.Watch) is { } stable)
        {
            return new InstanceVerdict.Succeeded(string.Create(CultureInfo.InvariantCulture,
                $"task {stable.TaskId} ran healthy for its {settings.WatchSecs} s watch"));
        }
        var failures = ours.Where(t => Created(t) >= started && IsFailure(t)).OrderBy(Created).ToList();
        var last = failures.Count == 0 ? null : Describe(failures[^1], settings, now);
        if (failures.Count > settings.MaxPerInstanceFailures)
        {
            return new InstanceVerdict.Failed(string.Create(CultureInfo.InvariantCulture,
                $"{Wording.Plural(failures.Count, "task")} failed, more than max_per_shard_failures "
                + $"{settings.MaxPerInstanceFailures} (last: {last})"), failures.Count);
        }
        if (active is null) return Act(failures.Count, last, [new UpdateAction.Create(desired.InstanceId, desired)]);
        var current = active.Spec.SameConfig(desired) && active.TaskId != replaced;
        if (current || !Killable(active)) return new InstanceVerdict.Pending(failures.Count, last, []);
        // Not on an agent yet: the kill deletes it, so its successor can be created in the same step.
        return NotLaunched(active)
            ? Act(failures.Count, last,
                [Kill(active, killReason), new UpdateAction.Create(desired.InstanceId, desired)])
            : Act(failures.Count, last, [Kill(active, killReason)]);
    }

    /// <summary>When the task was created (its first event).</summary>
    public static DateTimeOffset Created(ScheduledTask task) =>
        task.Events.IsDefaultOrEmpty ? DateTimeOffset.MinValue : task.Events[0].At;

    private static InstanceVerdict Act(int failures, string? last, ImmutableArray<UpdateAction> actions) =>
        new InstanceVerdict.Pending(failures, last, actions);

    private static UpdateAction.Kill Kill(ScheduledTask task, string reason) =>
        new(task.Spec.InstanceId, task.TaskId, reason);

    private static bool NotLaunched(ScheduledTask task) =>
        task.Status is ScheduleStatus.INIT or ScheduleStatus.PENDING or ScheduleStatus.THROTTLED;

    /// <summary>Tasks already on their way out (killed, restarting, drained, preempted) are waited for.</summary>
    private static bool Killable(ScheduledTask task) => NotLaunched(task) || task.Status is ScheduleStatus.ASSIGNED
        or ScheduleStatus.STARTING or ScheduleStatus.RUNNING or ScheduleStatus.PARTITIONED;

    private static bool IsFailure(ScheduledTask task) =>
        task.Status.IsTerminal() && !task.WasEver(ScheduleStatus.KILLING)
        && !task.WasEver(ScheduleStatus.DRAINING) && !task.WasEver(ScheduleStatus.PREEMPTING)
        && !task.WasEver(ScheduleStatus.RESTARTING)
        && (task.Status is ScheduleStatus.FAILED or ScheduleStatus.FINISHED
            || task.WasEver(ScheduleStatus.STARTING) || task.WasEver(ScheduleStatus.RUNNING));

    private static string Describe(ScheduledTask ended, UpdateSettings settings, DateTimeOffset now)
    {
        var when = RunningTime.RanFor(ended, now) is { } ran
            ? string.Create(CultureInfo.InvariantCulture,
                $"after {ran.TotalSeconds:0.#} s of its {settings.WatchSecs} s watch")
            : "before it ran healthy";
        var message = ended.Events.IsDefaultOrEmpty ? "" : ended.Events[^1].Message;
        return $"task {ended.TaskId} ended {ended.Status} {when}"
            + (string.IsNullOrEmpty(message) ? "" : ": " + message);
    }
}

/// <summary>What <see cref="InstanceEvaluator.Evaluate"/> found.</summary>
public abstract record InstanceVerdict
{
    /// <summary>The instance is on its desired config (or removed).</summary>
    public sealed record Succeeded(string Reason) : InstanceVerdict;

    /// <summary>Too many of its new tasks failed.</summary>
    public sealed record Failed(string Reason, int Failures) : InstanceVerdict;

    /// <summary>Still in progress: <paramref name="Actions"/> to take now (maybe none), failures so far.</summary>
    public sealed record Pending(int Failures, string? LastFailure, ImmutableArray<UpdateAction> Actions)
        : InstanceVerdict;
}
