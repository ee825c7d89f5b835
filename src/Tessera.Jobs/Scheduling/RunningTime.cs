namespace Tessera.Jobs.Scheduling;

/// <summary>How long a task has run healthy: what an update's watch counts (pure).</summary>
public static class RunningTime
{
    /// <summary>
    /// How long <paramref name="task"/>'s latest stretch in RUNNING has lasted (to <paramref name="now"/>
    /// while it goes on), counted from its last recovery when it was reported unhealthy and cut where
    /// it was reported unhealthy; null when it never ran, or runs unhealthy now.
    /// </summary>
    public static TimeSpan? RanFor(ScheduledTask task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        var events = task.Events;
        if (events.IsDefaultOrEmpty) return null;
        var i = events.Length - 1;
        while (i >= 0 && events[i].Status != ScheduleStatus.RUNNING) i--;
        if (i < 0) return null;
        var start = events[i].At;
        var end = i + 1 < events.Length ? events[i + 1].At : now;
        if (task.HealthChangedAt is { } changed)
        {
            if (task.Healthy == false)
            {
                if (changed <= start || (changed < end && i == events.Length - 1)) return null;
                if (changed < end) end = changed;
            }
            else if (changed > start && changed < end)
            {
                start = changed;
            }
        }
        return end < start ? TimeSpan.Zero : end - start;
    }
}
