namespace Tessera.Jobs.Scheduling;

/// <summary>
/// How long ended tasks are kept, with Aurora's scheduler flags and defaults: every ended task for
/// at least <see cref="MinRetention"/> (<c>history_min_retention_threshold</c>, 1 h), none past
/// <see cref="PruneAfter"/> (<c>history_prune_threshold</c>, 2 days), and at most
/// <see cref="MaxPerJob"/> per job (<c>history_max_per_job_threshold</c>, 100). A crashing service
/// makes a task every few minutes forever: without pruning the store and every status call grow.
/// </summary>
public sealed record TaskHistoryPolicy(TimeSpan MinRetention, TimeSpan PruneAfter, int MaxPerJob)
{
    public static TaskHistoryPolicy Default { get; } = new(TimeSpan.FromHours(1), TimeSpan.FromDays(2), 100);
}
