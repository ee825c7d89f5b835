using System.Collections.Immutable;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;

namespace Tessera.Jobs.Host;

internal sealed partial class JobsCore
{
    /// <summary>
    /// Updates, newest first: of one job (<paramref name="key"/>), else of a role (empty: all), with a
    /// status filter (a status name or a group of <see cref="UpdateStatuses.Groups"/>).
    /// </summary>
    public ApiOutcome<ImmutableArray<UpdateSummary>> Updates(JobKey? key, string? role, string? status)
    {
        if (!string.IsNullOrEmpty(status)
            && !Enum.GetNames<UpdateStatus>().Contains(status, StringComparer.OrdinalIgnoreCase)
            && !UpdateStatuses.Groups.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            return ApiProblem.BadRequest($"status: '{status}' is not an update status or one of "
                + string.Join(", ", UpdateStatuses.Groups));
        }
        return ApiOutcome<ImmutableArray<UpdateSummary>>.Ok([.. _updates.Values.Select(u => u.Value)
            .Where(u => (key is null || u.Job == key) && (string.IsNullOrEmpty(role) || u.Job.Role == role))
            .Where(u => string.IsNullOrEmpty(status) || u.Status.Matches(status))
            .OrderByDescending(u => u.CreatedAt).Select(Summary)]);
    }

    /// <summary>One update in full (<paramref name="id"/>; null: the job's active update, else its latest).</summary>
    public ApiOutcome<UpdateDetails> UpdateInfo(JobKey key, string? id)
    {
        var update = id is null
            ? ActiveUpdate(key) ?? _updates.Values.Select(u => u.Value).Where(u => u.Job == key).MaxBy(u => u.CreatedAt)
            : _updates.TryGetValue($"{key}/{id}", out var found) ? found.Value : null;
        if (update is null)
        {
            return ApiProblem.NotFound(id is null ? $"key: job {key} has no updates"
                : $"id: job {key} has no update {id}");
        }
        var tasks = JobTasks(key).ToLookup(t => t.Spec.InstanceId);
        return ApiOutcome<UpdateDetails>.Ok(new UpdateDetails(Summary(update), update.Settings, update.From.Instances,
            update.To.Instances, [.. update.Instances.Select(p => InstanceView(update, p, tasks[p.Instance]))],
            update.Events, update.InstanceEvents));
    }

    private static UpdateSummary Summary(JobUpdate u) => new(u.Job.ToString(), u.Id, u.Status, u.CreatedAt, u.Since,
        u.EndedAt, u.Message, u.Events.IsDefaultOrEmpty ? "" : u.Events[^1].Message, u.Instances.Length,
        u.Instances.Count(p => p.Phase == InstancePhase.Succeeded),
        u.Instances.Count(p => p.Phase == InstancePhase.Failed),
        [.. u.Instances.Where(p => p.Phase == InstancePhase.Working).Select(p => p.Instance)]);

    private static UpdateInstanceStatus InstanceView(JobUpdate update, InstanceProgress progress,
        IEnumerable<ScheduledTask> tasks)
    {
        var task = tasks.Where(t => t.Status.IsActive()).MaxBy(InstanceEvaluator.Created)
            ?? tasks.MaxBy(InstanceEvaluator.Created);
        var config = task is null ? null
            : update.To.Instances > progress.Instance && task.Spec.SameConfig(update.To.Instance(progress.Instance))
                ? "new"
            : update.OriginalOf(progress.Instance) is { } old && task.Spec.SameConfig(old) ? "old"
            : "other";
        return new UpdateInstanceStatus(progress.Instance, progress.Phase, task?.TaskId, task?.Status, task?.Healthy,
            task?.Since, config, progress.Failures, progress.Reason);
    }
}
