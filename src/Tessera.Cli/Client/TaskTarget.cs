using System.Collections.Immutable;
using System.Globalization;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Cli.Client;

/// <summary>
/// What <c>task run</c> and <c>task logs</c> name: a task id, or a Tessera Jobs job's instances as
/// <c>cluster/role/env/name[/INSTANCES]</c> (a Mesos task id has no '/', a job key always has).
/// </summary>
internal sealed record TaskTarget(string? TaskId, JobInstances? Job)
{
    public static TaskTarget Parse(string text) =>
        text.Contains('/', StringComparison.Ordinal) ? new TaskTarget(null, JobInstances.Parse(text)) : new TaskTarget(text, null);
}

/// <summary>One instance of a job and its current task (null while it has none).</summary>
internal sealed record JobInstanceTask(int Instance, string? TaskId, ScheduleStatus? Status)
{
    public string Label(string key) => $"{key}/{Instance.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>A job's instances' tasks, from the jobs scheduler's status of the job (<c>tessera job status</c>'s data).</summary>
internal static class JobTasks
{
    public static async Task<IReadOnlyList<JobInstanceTask>> ResolveAsync(JobsClient jobs, JobInstances target, CancellationToken ct)
    {
        var json = await jobs.GetAsync(JobsClient.JobPath(target.Key), ct);
        return Pick(JobsClient.Decode(json, JobsApiJsonContext.Default.JobStatus), target.Key.ToString(), target.Instances);
    }

    /// <summary>The asked instances (all of them without a list), in order; an instance the job doesn't have is exit 1 naming the ones it has. Pure.</summary>
    public static IReadOnlyList<JobInstanceTask> Pick(JobStatus status, string key, ImmutableArray<int>? instances)
    {
        var byInstance = status.InstanceStatuses.ToDictionary(i => i.Instance);
        var asked = instances is { } list ? (IEnumerable<int>)list : byInstance.Keys.Order();
        var result = new List<JobInstanceTask>();
        foreach (var instance in asked)
        {
            if (!byInstance.TryGetValue(instance, out var found))
            {
                var have = byInstance.Count == 0 ? "none" : string.Join(",", byInstance.Keys.Order());
                throw new CliException($"job {key} has no instance {instance} (its instances: {have})");
            }
            result.Add(new JobInstanceTask(instance, found.TaskId, found.Status));
        }
        if (result.Count == 0) throw new CliException($"job {key} has no instances");
        return result;
    }
}
