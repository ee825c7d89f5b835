namespace Tessera.Jobs.Scheduling;

/// <summary>
/// Which ended tasks to forget (pure): per job, those ended longer ago than
/// <see cref="TaskHistoryPolicy.PruneAfter"/>, then the oldest until at most
/// <see cref="TaskHistoryPolicy.MaxPerJob"/> ended tasks are left — never one that ended within
/// <see cref="TaskHistoryPolicy.MinRetention"/>, never an instance's latest task (it is what the
/// job's status shows for the instance), and nothing of the jobs in <c>keep</c> (a rolling restart
/// follows its replacements through their ancestors).
/// </summary>
public static class TaskHistoryPruner
{
    public static IReadOnlyList<string> Decide(IEnumerable<ScheduledTask> tasks, IReadOnlySet<JobKey> keep, DateTimeOffset now, TaskHistoryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var pruned = new List<string>();
        foreach (var job in tasks.GroupBy(t => t.Spec.Job).Where(g => !keep.Contains(g.Key)))
        {
            var latest = job.GroupBy(t => t.Spec.InstanceId).Select(i => i.MaxBy(t => t.Events[0].At)!.TaskId).ToHashSet(StringComparer.Ordinal);
            var ended = job.Where(t => t.Status.IsTerminal()).OrderBy(t => t.Since).ToList();
            var excess = ended.Count - policy.MaxPerJob;
            foreach (var task in ended)
            {
                if (latest.Contains(task.TaskId) || now - task.Since < policy.MinRetention) continue;
                if (now - task.Since >= policy.PruneAfter || excess > 0)
                {
                    pruned.Add(task.TaskId);
                    excess--;
                }
            }
        }
        return pruned;
    }
}
