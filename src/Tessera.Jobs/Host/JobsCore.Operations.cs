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
            return ApiProblem.Conflict($"key: job {job.Key} already exists; change it with 'tessera update start {job.Key} CONFIG' (or kill it first)");
        if (ExecutorProblem(job) is { } noExecutor)
            return ApiProblem.BadRequest(noExecutor);
        if (ActiveTasks(job.Key).Any())
            return ApiProblem.Conflict($"key: job {job.Key} still has active tasks being killed; try again when they have ended");
        var now = time.GetUtcNow();
        var tasks = Enumerable.Range(0, job.Instances).Select(i => ReschedulePolicy.Initial(NewTaskId(job.Instance(i)), job.Instance(i), now)).ToList();
        // A restart record left from an earlier job of the same key is not this job's.
        JobStoreWrite[] stale = _rollouts.TryGetValue(job.Key, out var old) ? [new JobStoreWrite.DeleteRollout(job.Key, Tessera.State.ExpectVersion.Exactly(old.Version))] : [];
        await CommitAsync([Put(job), .. tasks.Select(Put), .. stale], ct);
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
        var running = ActiveTasks(key).Select(t => t.Spec.InstanceId).ToHashSet();
        if (instances is not null && instances.FirstOrDefault(i => (i < 0 || i >= job.Value.Instances) && !running.Contains(i), -1) is var bad and >= 0)
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
        // A rolling restart drops killed instances by itself (RolloutPlanner); killall removes its record with the job.
        if (removeJob)
        {
            writes.Add(new JobStoreWrite.DeleteJob(key, Tessera.State.ExpectVersion.Exactly(job.Version)));
            writes.AddRange(EndUpdateWithJob(key));
            if (_rollouts.TryGetValue(key, out var rollout))
                writes.Add(new JobStoreWrite.DeleteRollout(key, Tessera.State.ExpectVersion.Exactly(rollout.Version)));
        }
        await CommitAsync(writes, ct);
        await AdvanceRolloutsAsync(ct);
        await AdvanceUpdatesAsync(ct);
        foreach (var task in killing)
            await KillOnAgentAsync(task, ct);
        await ReviveOrSuppressAsync(ct);
        var message = $"killed {Plural(touched.Count, "task")} of {key}" + (removeJob ? "; the job is removed" : "");
        JobsLog.JobChanged(logger, key.ToString(), message);
        return ApiOutcome<ActionResult>.Ok(new ActionResult(key.ToString(), message,
            [.. touched.Select(t => t.Spec.InstanceId).Distinct().Order()], [.. touched.Select(t => t.TaskId)]));
    }

    /// <summary>
    /// Starts a rolling restart (<see cref="RolloutPlanner"/>): stored, then the first batch goes
    /// RESTARTING; later batches follow as the replacements pass their watch (on updates and ticks).
    /// </summary>
    public async Task<ApiOutcome<ActionResult>> RestartAsync(JobKey key, IReadOnlyList<int>? instances, RolloutSettings settings, CancellationToken ct)
    {
        if (!_jobs.TryGetValue(key, out var job))
            return ApiProblem.NotFound($"key: no job {key}");
        if (settings.Problem() is { } problem)
            return ApiProblem.BadRequest(problem);
        if (instances is not null && instances.FirstOrDefault(i => i < 0 || i >= job.Value.Instances, -1) is var bad and >= 0)
            return ApiProblem.BadRequest($"instances: instance {bad} does not exist (the job has instances 0-{job.Value.Instances - 1})");
        if (_rollouts.TryGetValue(key, out var running) && running.Value.Phase == RolloutPhase.Rolling)
            return ApiProblem.Conflict($"key: job {key} is already restarting");
        if (ActiveUpdate(key) is { } update)
            return ApiProblem.Conflict($"key: job {key} has update {update.Id} in progress ({update.Status}); restart it after the update");
        var rollout = RolloutState.Start(key, instances ?? [.. Enumerable.Range(0, job.Value.Instances)], settings, time.GetUtcNow());
        await CommitAsync([Put(rollout)], ct);
        var message = $"restarting {Plural(rollout.Remaining.Length, "instance")} of {key}, {settings.BatchSize} at a time, "
            + $"each watched {Plural(settings.WatchSecs, "second")}";
        JobsLog.JobChanged(logger, key.ToString(), message);
        await AdvanceRolloutsAsync(ct);
        return ApiOutcome<ActionResult>.Ok(new ActionResult(key.ToString(), message, [.. rollout.Remaining], []));
    }

    /// <summary>
    /// Aborts the job's rolling restart: instances not started yet are left alone, replacements in
    /// flight keep running as ordinary tasks, the restart ends <see cref="RolloutPhase.Aborted"/>
    /// (a restart waiting on a replacement that can't be placed or never turns healthy has no
    /// other way out, and a new restart is refused while one rolls).
    /// </summary>
    public async Task<ApiOutcome<ActionResult>> AbortRestartAsync(JobKey key, CancellationToken ct)
    {
        if (!_jobs.ContainsKey(key))
            return ApiProblem.NotFound($"key: no job {key}");
        if (!_rollouts.TryGetValue(key, out var rolling) || rolling.Value.Phase != RolloutPhase.Rolling)
            return ApiProblem.Conflict($"key: job {key} has no restart in progress");
        var left = rolling.Value.Remaining;
        var aborted = rolling.Value with
        {
            Phase = RolloutPhase.Aborted,
            EndedAt = time.GetUtcNow(),
            Reason = left.IsEmpty ? "aborted on request" : $"aborted on request; not restarted: {string.Join(",", left)}",
        };
        await CommitAsync([Put(aborted)], ct);
        JobsLog.JobChanged(logger, key.ToString(), aborted.Reason);
        return ApiOutcome<ActionResult>.Ok(new ActionResult(key.ToString(), $"restart of {key} {aborted.Reason}", [.. left], []));
    }

    /// <summary>Adds <paramref name="count"/> instances with instance <paramref name="from"/>'s config, numbered after the last.</summary>
    public async Task<ApiOutcome<ActionResult>> AddAsync(JobKey key, int from, int count, CancellationToken ct)
    {
        if (!_jobs.TryGetValue(key, out var job))
            return ApiProblem.NotFound($"key: no job {key}");
        if (from < 0 || from >= job.Value.Instances)
            return ApiProblem.BadRequest($"instance: instance {from} does not exist (the job has instances 0-{job.Value.Instances - 1})");
        if (ActiveUpdate(key) is { } update)
            return ApiProblem.Conflict($"key: job {key} has update {update.Id} in progress ({update.Status}); add instances after it");
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

    /// <summary>
    /// Moves each rolling restart on per <see cref="RolloutPlanner.Decide"/>: the restarted tasks
    /// (RESTARTING) and the next state are stored together, then the kills are sent.
    /// </summary>
    private async Task AdvanceRolloutsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var (key, rollout) in _rollouts.Where(r => r.Value.Value.Phase == RolloutPhase.Rolling).ToList())
        {
            var plan = RolloutPlanner.Decide(rollout.Value, [.. _tasks.Values.Select(t => t.Value).Where(t => t.Spec.Job == key)], now);
            if (plan.Steps.IsEmpty) continue;
            var writes = new List<JobStoreWrite>();
            var killing = new List<ScheduledTask>();
            foreach (var restart in plan.Restarts)
            {
                if (!_tasks.TryGetValue(restart.TaskId, out var task)) continue;
                if (TaskStateMachine.Transition(task.Value, ScheduleStatus.RESTARTING, now, "restarting on request") is not TransitionResult.Changed changed)
                    continue;
                writes.Add(Put(changed.Task));
                killing.Add(changed.Task);
            }
            writes.Add(Put(plan.Next));
            await CommitAsync(writes, ct);
            foreach (var task in killing)
                await KillOnAgentAsync(task, ct);
            foreach (var step in plan.Steps)
                JobsLog.Rollout(logger, key.ToString(), Describe(step));
        }
    }

    private static string Describe(RolloutStep step) => step switch
    {
        RolloutStep.Restart r => $"restarting instance {r.Instance} (task {r.TaskId})",
        RolloutStep.InstanceDone d => $"instance {d.Instance} done: {d.TaskId} ran for the watch",
        RolloutStep.ReplacementFailed f => $"instance {f.Instance}: {f.Reason}",
        RolloutStep.InstanceFailed f => $"instance {f.Instance} failed: {f.Reason}",
        RolloutStep.InstanceSkipped s => $"instance {s.Instance} skipped: {s.Reason}",
        RolloutStep.Finished f => $"{f.Phase.ToString().ToLowerInvariant()}: {f.Reason}",
        _ => step.ToString(),
    };

    private IEnumerable<ScheduledTask> ActiveTasks(JobKey key) =>
        _tasks.Values.Select(t => t.Value).Where(t => t.Spec.Job == key && t.Status.IsActive());

    private static string Plural(int count, string noun) => Wording.Plural(count, noun);
}
