using System.Globalization;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// The time-driven moves, decided from a snapshot and <c>now</c>: THROTTLED → PENDING when the
/// penalty is over; ASSIGNED or STARTING for <see cref="TransientTimeout"/> → LOST; PARTITIONED →
/// LOST after the partition policy's delay when it reschedules.
/// </summary>
public static class TaskTimers
{
    /// <summary>Aurora's <c>transient_task_state_timeout</c>.</summary>
    public static readonly TimeSpan TransientTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The moves due at <paramref name="now"/>, ordered by task id.</summary>
    public static IReadOnlyList<TimedTransition> Due(IEnumerable<ScheduledTask> tasks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var due = new List<TimedTransition>();
        foreach (var task in tasks)
        {
            if (Deadline(task) is not { } deadline || deadline > now)
                continue;
            due.Add(task.Status switch
            {
                ScheduleStatus.THROTTLED => new TimedTransition(task.TaskId, task.Status, ScheduleStatus.PENDING,
                    "flapping penalty over"),
                ScheduleStatus.PARTITIONED => new TimedTransition(task.TaskId, task.Status, ScheduleStatus.LOST,
                    string.Create(CultureInfo.InvariantCulture,
                        $"partitioned for {task.Spec.EffectivePartitionPolicy.DelaySecs} s; the partition policy reschedules")),
                _ => new TimedTransition(task.TaskId, task.Status, ScheduleStatus.LOST,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{task.Status} for {TransientTimeout.TotalMinutes:0} min (transient state timeout)")),
            });
        }
        due.Sort((a, b) => string.CompareOrdinal(a.TaskId, b.TaskId));
        return due;
    }

    /// <summary>The earliest deadline after <paramref name="now"/>, for the host's timer; null when none.</summary>
    public static DateTimeOffset? Next(IEnumerable<ScheduledTask> tasks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        DateTimeOffset? next = null;
        foreach (var task in tasks)
        {
            if (Deadline(task) is { } deadline && deadline > now && (next is null || deadline < next))
                next = deadline;
        }
        return next;
    }

    /// <summary>When <paramref name="task"/>'s current state times out, or null when it does not.</summary>
    public static DateTimeOffset? Deadline(ScheduledTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Status switch
        {
            ScheduleStatus.THROTTLED => task.ThrottledUntil ?? task.Since,
            ScheduleStatus.ASSIGNED or ScheduleStatus.STARTING => task.Since + TransientTimeout,
            ScheduleStatus.PARTITIONED when task.Spec.EffectivePartitionPolicy.Reschedule =>
                task.Since + TimeSpan.FromSeconds(Math.Max(0, task.Spec.EffectivePartitionPolicy.DelaySecs)),
            _ => null,
        };
    }
}
