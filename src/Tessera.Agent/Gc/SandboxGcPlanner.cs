namespace Tessera.Agent.Gc;

/// <summary>
/// The sandbox GC's decision, pure: a scheduled folder goes once it is older than the allowed
/// age. The allowed age is <c>gc_delay</c>, shrunk by disk usage as Mesos' agent does it every
/// <c>disk_watch_interval</c>: <c>gc_delay × max(0, 1 − gc_disk_headroom − usage)</c>
/// (<c>slave::age</c> in Mesos' <c>src/slave/slave.cpp</c>). Usage unknown: <c>gc_delay</c>.
/// </summary>
internal static class SandboxGcPlanner
{
    public static TimeSpan MaxAge(GcPolicy policy, double? diskUsage) =>
        diskUsage is not { } usage ? policy.Delay : policy.Delay * Math.Clamp(1.0 - policy.DiskHeadroom - usage, 0.0, 1.0);

    public static GcPlan Decide(IReadOnlyCollection<GcEntry> scheduled, double? diskUsage, DateTimeOffset now, GcPolicy policy)
    {
        var maxAge = MaxAge(policy, diskUsage);
        var remove = new List<string>();
        DateTimeOffset? next = null;
        foreach (var entry in scheduled.OrderBy(e => e.ScheduledAt).ThenBy(e => e.Path, StringComparer.Ordinal))
        {
            var due = entry.ScheduledAt + maxAge;
            if (due <= now) remove.Add(entry.Path);
            else if (next is null || due < next) next = due;
        }
        return new GcPlan(remove, maxAge, next);
    }
}
