using System.Collections.Immutable;
using System.Globalization;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Store;

namespace Tessera.Jobs.Host;

internal sealed partial class JobsCore
{
    /// <summary>Creates a job and its first tasks (PENDING), stored before anything else happens.</summary>
    public async Task<ApiOutcome<ActionResult>> CreateAsync(JobSpec job, CancellationToken ct)
    {
        if (_jobs.ContainsKey(job.Key))
            return ApiProblem.Conflict($"key: job {job.Key} already exists (kill it first, or use add/restart)");
        if (ActiveTasks(job.Key).Any())
            return ApiProblem.Conflict($"key: job {job.Key} still has active tasks being killed; try again when they have ended");
        var now = time.GetUtcNow();
        var tasks = Enumerable.Range(0, job.Instances).Select(i => ReschedulePolicy.Initial(NewTaskId(job.Instance(i)), job.Instance(i), now)).ToList();
        await CommitAsync([Put(job), .. tasks.Select(Put)], ct);
        JobsLog.JobChanged(logger, job.Key.ToString(), $"created with {job.Instances} instance(s)");
        await ReviveOrSuppressAsync(ct);
        return ApiOutcome<ActionResult>.Ok(new ActionResult(job.Key.ToString(), $"created {job.Key} with {Plural(job.Instances, "instance")}",
            [.. Enumerable.Range(0, job.Instances)], [.. tasks.Select(t => t.TaskId)]));
    }

    /// <summary>
    /// Kills instances (all when <paramref name="instances"/> is null): PENDING and THROTTLED tasks
    /// are deleted, tasks on agents go KILLING (stored first, then the KILL is sent) and are never
    /// replaced. <paramref name="removeJob"/> (killall) also removes the job.
    /// </summary>
    public async Task<ApiOutcome<ActionResult>> KillAsync(JobKey key, IReadOnlyList<int>? instances, bool removeJob, CancellationToken ct)
    {
        if (!_jobs.TryGetValue(key, out var job))
            return ApiProblem.NotFound($"key: no job {key}");
        if (instances is not null && instances.FirstOrDefault(i => i < 0 || i >= job.Value.Instances, -1) is var bad and >= 0)
            return ApiProblem.BadRequest($"instances: instance {bad} does not exist (the job has instances 0-{job.Value.Instances - 1})");
        var wanted = instances?.ToHashSet();
        var now = time.GetUtcNow();
        var writes = new List<JobStoreWrite>();
        var killing = new List<ScheduledTask>();
        var touched = new List<ScheduledTask>();
        foreach (var task in ActiveTasks(key).Where(t => wanted is null || wanted.Contains(t.Spec.InstanceId)))
        {
            switch (TaskStateMachine.Kill(task, now, "killed on request"))
            {
                case TransitionResult.Deleted:
                    writes.Add(Delete(task));
                    touched.Add(task);
                    break;
                case TransitionResult.Changed changed:
                    writes.Add(Put(changed.Task));
                    killing.Add(changed.Task);
                    touched.Add(task);
                    break;
            }
        }
        if (removeJob)
        {
            writes.Add(new JobStoreWrite.DeleteJob(key, Tessera.State.ExpectVersion.Exactly(job.Version)));
            _rollouts.Remove(key);
        }
        else if (_rollouts.TryGetValue(key, out var rollout) && wanted is not null)
        {
            _rollouts[key] = rollout with { Remaining = ImmutableQueue.CreateRange(rollout.Remaining.Where(i => !wanted.Contains(i))) };
        }
        else if (wanted is null)
        {
            _rollouts.Remove(key);
        }
        await CommitAsync(writes, ct);
        foreach (var task in killing)
            await KillOnAgentAsync(task, ct);
        await ReviveOrSuppressAsync(ct);
        var message = $"killed {Plural(touched.Count, "task")} of {key}" + (removeJob ? "; the job is removed" : "");
        JobsLog.JobChanged(logger, key.ToString(), message);
        return ApiOutcome<ActionResult>.Ok(new ActionResult(key.ToString(), message,
            [.. touched.Select(t => t.Spec.InstanceId).Distinct().Order()], [.. touched.Select(t => t.TaskId)]));
    }

    /// <summary>Starts a rolling restart: <paramref name="batchSize"/> instances at a time go RESTARTING, the next batch when their replacements run.</summary>
    public async Task<ApiOutcome<ActionResult>> RestartAsync(JobKey key, IReadOnlyList<int>? instances, int batchSize, CancellationToken ct)
    {
        if (!_jobs.TryGetValue(key, out var job))
            return ApiProblem.NotFound($"key: no job {key}");
        if (batchSize < 1)
            return ApiProblem.BadRequest($"batch_size: must be at least 1, not {batchSize}");
        if (instances is not null && instances.FirstOrDefault(i => i < 0 || i >= job.Value.Instances, -1) is var bad and >= 0)
            return ApiProblem.BadRequest($"instances: instance {bad} does not exist (the job has instances 0-{job.Value.Instances - 1})");
        if (_rollouts.ContainsKey(key))
            return ApiProblem.Conflict($"key: job {key} is already restarting");
        var list = (instances ?? [.. Enumerable.Range(0, job.Value.Instances)]).Distinct().Order().ToList();
        _rollouts[key] = new Rollout(ImmutableQueue.CreateRange(list), ImmutableDictionary<int, string?>.Empty, batchSize);
        await AdvanceRolloutsAsync(ct);
        var message = $"restarting {Plural(list.Count, "instance")} of {key}, {batchSize} at a time";
        JobsLog.JobChanged(logger, key.ToString(), message);
        return ApiOutcome<ActionResult>.Ok(new ActionResult(key.ToString(), message, [.. list], []));
    }

    /// <summary>Adds <paramref name="count"/> instances with instance <paramref name="from"/>'s config, numbered after the last.</summary>
    public async Task<ApiOutcome<ActionResult>> AddAsync(JobKey key, int from, int count, CancellationToken ct)
    {
        if (!_jobs.TryGetValue(key, out var job))
            return ApiProblem.NotFound($"key: no job {key}");
        if (from < 0 || from >= job.Value.Instances)
            return ApiProblem.BadRequest($"instance: instance {from} does not exist (the job has instances 0-{job.Value.Instances - 1})");
        if (count is < 1 or > JobSpecRules.MaxInstances)
            return ApiProblem.BadRequest($"count: must be between 1 and {JobSpecRules.MaxInstances}, not {count}");
        if (job.Value.Instances + count > JobSpecRules.MaxInstances)
            return ApiProblem.BadRequest($"count: the job would have {job.Value.Instances + count} instances, more than {JobSpecRules.MaxInstances}");
        var now = time.GetUtcNow();
        var first = job.Value.Instances;
        var updated = job.Value with { Instances = first + count };
        var tasks = Enumerable.Range(first, count).Select(i => ReschedulePolicy.Initial(NewTaskId(updated.Instance(i)), updated.Instance(i), now)).ToList();
        await CommitAsync([Put(updated), .. tasks.Select(Put)], ct);
        await ReviveOrSuppressAsync(ct);
        var message = $"added {Plural(count, "instance")} to {key} (copies of instance {from})";
        JobsLog.JobChanged(logger, key.ToString(), message);
        return ApiOutcome<ActionResult>.Ok(new ActionResult(key.ToString(), message,
            [.. Enumerable.Range(first, count)], [.. tasks.Select(t => t.TaskId)]));
    }

    /// <summary>Moves each rolling restart on: a batch is done when every instance of it runs a new task (or has none active).</summary>
    private async Task AdvanceRolloutsAsync(CancellationToken ct)
    {
        foreach (var (key, start) in _rollouts.ToList())
        {
            var rollout = start;
            foreach (var (instance, oldTask) in rollout.InFlight)
            {
                var active = ActiveTasks(key).Where(t => t.Spec.InstanceId == instance).ToList();
                var done = active.Count == 0 || active.All(t => t.TaskId != oldTask && t.Status == ScheduleStatus.RUNNING);
                if (done) rollout = rollout with { InFlight = rollout.InFlight.Remove(instance) };
            }
            var now = time.GetUtcNow();
            while (rollout.InFlight.Count < rollout.BatchSize && !rollout.Remaining.IsEmpty)
            {
                rollout = rollout with { Remaining = rollout.Remaining.Dequeue(out var instance) };
                var current = ActiveTasks(key).FirstOrDefault(t => t.Spec.InstanceId == instance
                    && t.Status is ScheduleStatus.ASSIGNED or ScheduleStatus.STARTING or ScheduleStatus.RUNNING);
                if (current is null) continue;
                if (TaskStateMachine.Transition(current, ScheduleStatus.RESTARTING, now, "restarting on request") is not TransitionResult.Changed changed)
                    continue;
                await CommitAsync([Put(changed.Task)], ct);
                await KillOnAgentAsync(changed.Task, ct);
                rollout = rollout with { InFlight = rollout.InFlight.Add(instance, current.TaskId) };
            }
            if (rollout.Done)
            {
                _rollouts.Remove(key);
                JobsLog.JobChanged(logger, key.ToString(), "restart done");
            }
            else
            {
                _rollouts[key] = rollout;
            }
        }
    }

    private IEnumerable<ScheduledTask> ActiveTasks(JobKey key) =>
        _tasks.Values.Select(t => t.Value).Where(t => t.Spec.Job == key && t.Status.IsActive());

    private static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";
}
