using System.Collections.Immutable;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Host;

internal sealed partial class JobsCore
{
    /// <summary>The jobs, optionally of one role and environment, with the states of their active tasks.</summary>
    public ImmutableArray<JobSummary> List(string? role, string? environment) =>
    [
        .. _jobs.Values.Select(j => j.Value)
            .Where(j => (string.IsNullOrEmpty(role) || j.Key.Role == role) && (string.IsNullOrEmpty(environment) || j.Key.Environment == environment))
            .OrderBy(j => j.Key.ToString(), StringComparer.Ordinal)
            .Select(j => new JobSummary(j.Key.ToString(), j.Key.Cluster, j.Key.Role, j.Key.Environment, j.Key.Name, j.Instances,
                ActiveTasks(j.Key).GroupBy(t => t.Status.ToString(), StringComparer.Ordinal)
                    .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal))),
    ];

    /// <summary>A job's status: every instance with its current task, where it runs, its history, and why it waits.</summary>
    public ApiOutcome<JobStatus> Status(JobKey key)
    {
        var spec = _jobs.TryGetValue(key, out var job) ? job.Value : _crons.TryGetValue(key, out var cron) ? cron.Value.Job : null;
        var tasks = _tasks.Values.Select(t => t.Value).Where(t => t.Spec.Job == key).ToList();
        if (spec is null && !tasks.Any(t => t.Status.IsActive()))
            return ApiProblem.NotFound($"key: no job {key}");
        var instanceIds = Enumerable.Range(0, spec?.Instances ?? 0).Concat(tasks.Select(t => t.Spec.InstanceId)).Distinct().Order();
        var instances = instanceIds.Select(i => Instance(i, tasks.Where(t => t.Spec.InstanceId == i).ToList())).ToImmutableArray();
        var update = ActiveUpdate(key) ?? _updates.Values.Select(u => u.Value).Where(u => u.Job == key).MaxBy(u => u.CreatedAt);
        return ApiOutcome<JobStatus>.Ok(new JobStatus(key.ToString(), spec?.Instances ?? 0, spec?.Template.Resources,
            spec?.Template.IsService ?? false, spec?.Template.Command, instances, spec?.Template.Contact,
            update is null ? null : Summary(update)));
    }

    /// <summary>Every task instance <paramref name="instance"/> of the job had, oldest first.</summary>
    public ApiOutcome<TaskHistory> History(JobKey key, int instance)
    {
        var tasks = _tasks.Values.Select(t => t.Value).Where(t => t.Spec.Job == key && t.Spec.InstanceId == instance)
            .OrderBy(t => t.Events.IsDefaultOrEmpty ? DateTimeOffset.MinValue : t.Events[0].At).ThenBy(t => t.TaskId, StringComparer.Ordinal)
            .ToList();
        if (tasks.Count == 0 && !_jobs.ContainsKey(key))
            return ApiProblem.NotFound($"key: no job {key}");
        return ApiOutcome<TaskHistory>.Ok(new TaskHistory(key.ToString(), instance,
            [.. tasks.Select(t => new TaskRecord(t.TaskId, t.Status, t.AgentId, t.Hostname, t.AncestorId, t.FailureCount, t.Events))]));
    }

    private InstanceStatus Instance(int instance, List<ScheduledTask> tasks)
    {
        var current = tasks.Where(t => t.Status.IsActive()).OrderByDescending(t => t.Since).FirstOrDefault()
            ?? tasks.OrderByDescending(t => t.Since).FirstOrDefault();
        if (current is null)
            return new InstanceStatus(instance, null, null, null, null, null, null, 0, null, [], []);
        ImmutableArray<string> reasons = current.Status switch
        {
            ScheduleStatus.THROTTLED => [new Throttled(current.ThrottledUntil ?? current.Since).Describe()],
            ScheduleStatus.PENDING => _pending.TryGetValue(current.TaskId, out var r) ? [.. r.Select(x => x.Describe())] : ["waiting for offers"],
            _ => [],
        };
        return new InstanceStatus(instance, current.TaskId, current.Status, current.Since, current.AgentId, current.Hostname,
            current.AssignedPorts, current.FailureCount, reasons.IsEmpty ? null : string.Join("; ", reasons), reasons, current.Events,
            ConfigVersion.Of(current.Spec));
    }
}
