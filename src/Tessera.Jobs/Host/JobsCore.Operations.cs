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
        if (_crons.ContainsKey(job.Key))
            return ApiProblem.Conflict($"key: {job.Key} is a cron job; change it with 'tessera cron schedule {job.Key} CONFIG'");
        if (_jobs.ContainsKey(job.Key))
            return ApiProblem.Conflict($"key: job {job.Key} already exists; change it with 'tessera update start {job.Key} CONFIG' (or kill it first)");
        if (ExecutorProblem(job) is { } noExecutor)
            return ApiProblem.BadRequest(noExecutor);
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
        {
            if (!removeJob || !_crons.ContainsKey(key)) return ApiProblem.NotFound($"key: no job {key}");
            await DescheduleCronAsync(key, ct); // a cron job that never ran: killall deschedules it
            return ApiOutcome<ActionResult>.Ok(new ActionResult(key.ToString(), $"descheduled cron job {key} (it had no run)", [], []));
        }
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
        // An update re-creates a killed instance it still wants (Aurora's updater does too); killall ends it.
        if (removeJob)
        {
            writes.Add(new JobStoreWrite.DeleteJob(key, Tessera.State.ExpectVersion.Exactly(job.Version)));
            writes.AddRange(EndUpdateWithJob(key));
            // Aurora's killTasks of a whole cron job deschedules it too.
            if (_crons.TryGetValue(key, out var cron))
                writes.Add(new JobStoreWrite.DeleteCron(key, Tessera.State.ExpectVersion.Exactly(cron.Version)));
        }
        await CommitAsync(writes, ct);
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
    /// Starts a rolling restart: an update whose configs stay the same and whose instances each get
    /// a new task, in batches of <see cref="RestartRequest.BatchSize"/>, watched like an update's.
    /// </summary>
    public async Task<ApiOutcome<ActionResult>> RestartAsync(JobKey key, RestartRequest request, CancellationToken ct)
    {
        if (!_jobs.TryGetValue(key, out var job))
            return ApiProblem.NotFound($"key: no job {key}");
        if (request.Problem() is { } problem)
            return ApiProblem.BadRequest(problem);
        var instances = request.All ? null : request.Instances;
        var started = await StartUpdateAsync(new UpdateStartRequest(job.Value, request.Settings(), instances), ct, restart: true);
        if (started.Problem is { } refused) return refused;
        var value = started.Value!;
        var message = value.UpdateId is null ? value.Message : $"restarting {Plural(value.Instances.Length, "instance")} of {key}, "
            + $"{request.BatchSize} at a time, each watched {Plural(request.WatchSecs, "second")} (update {value.UpdateId})";
        return ApiOutcome<ActionResult>.Ok(new ActionResult(key.ToString(), message, value.Instances, [], value.UpdateId));
    }

    /// <summary>
    /// Aborts the job's rolling restart (its update, ABORTED): instances not started yet are left
    /// alone, new tasks keep running (a restart waiting on a task that can't be placed or never
    /// turns healthy has no other way out).
    /// </summary>
    public async Task<ApiOutcome<ActionResult>> AbortRestartAsync(JobKey key, CancellationToken ct)
    {
        if (!_jobs.ContainsKey(key))
            return ApiProblem.NotFound($"key: no job {key}");
        if (ActiveUpdate(key) is not { Restart: true } restart)
            return ApiProblem.Conflict($"key: job {key} has no restart in progress");
        var left = restart.Instances.Where(p => p.Phase == Tessera.Jobs.Updates.InstancePhase.Waiting).Select(p => p.Instance).ToList();
        var aborted = await ControlUpdateAsync(key, "abort", ct);
        if (aborted.Problem is { } problem) return problem;
        var message = $"restart of {key} aborted on request" + (left.Count == 0 ? "" : $"; not restarted: {string.Join(",", left)}");
        return ApiOutcome<ActionResult>.Ok(new ActionResult(key.ToString(), message, [.. left], []));
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
        if (_crons.ContainsKey(key))
            return ApiProblem.Conflict($"key: {key} is a cron job; change its instances with 'tessera cron schedule'");
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

    private IEnumerable<ScheduledTask> ActiveTasks(JobKey key) =>
        _tasks.Values.Select(t => t.Value).Where(t => t.Spec.Job == key && t.Status.IsActive());

    private static string Plural(int count, string noun) => Wording.Plural(count, noun);
}
