using System.Collections.Immutable;
using Tessera.Jobs.Api;
using Tessera.Jobs.Cron;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Store;
using Tessera.State;

namespace Tessera.Jobs.Host;

internal sealed partial class JobsCore
{
    /// <summary>
    /// Schedules a cron job (Aurora's <c>scheduleCronJob</c>), or replaces the job and schedule of
    /// one already scheduled (its cursor and runs kept). Nothing runs until a time is due.
    /// </summary>
    public async Task<ApiOutcome<CronStatus>> ScheduleCronAsync(CronRequest request, CancellationToken ct)
    {
        var key = request.Job.Key;
        if (!CronSchedule.TryParse(request.Schedule, out var schedule, out var error))
            return ApiProblem.BadRequest($"cron_schedule: {error}");
        if (request.Job.Template.IsService)
            return ApiProblem.BadRequest("job.template.is_service: a service cannot be a cron job");
        if (ExecutorProblem(request.Job) is { } noExecutor)
            return ApiProblem.BadRequest("job." + noExecutor);
        var existing = _crons.TryGetValue(key, out var v) ? v.Value : null;
        if (existing is null && _jobs.ContainsKey(key))
            return ApiProblem.Conflict($"key: job {key} exists and is not a cron job; kill it first (tessera job killall)");
        var now = time.GetUtcNow();
        var cron = existing is null
            ? new CronJob(request.Job, schedule!.Text, request.CollisionPolicy, now, [])
            : existing with { Job = request.Job, Schedule = schedule!.Text, Policy = request.CollisionPolicy };
        await CommitAsync([Put(cron)], ct);
        PublishNextCronDue();
        JobsLog.JobChanged(logger, key.ToString(), $"cron {(existing is null ? "scheduled" : "rescheduled")}: '{cron.Schedule}' "
            + $"({cron.Policy}, {options.CronTimeZone.Id})");
        return ApiOutcome<CronStatus>.Ok(CronView(cron));
    }

    /// <summary>Removes the cron schedule (Aurora's <c>descheduleCronJob</c>); a run in progress goes on as a plain job.</summary>
    public async Task<ApiOutcome<CronStatus>> DescheduleCronAsync(JobKey key, CancellationToken ct)
    {
        if (!_crons.TryGetValue(key, out var cron))
            return ApiProblem.NotFound($"key: no cron job {key}");
        List<JobStoreWrite> writes = [new JobStoreWrite.DeleteCron(key, ExpectVersion.Exactly(cron.Version))];
        if (_jobs.TryGetValue(key, out var job) && !ActiveTasks(key).Any())
            writes.Add(new JobStoreWrite.DeleteJob(key, ExpectVersion.Exactly(job.Version)));
        await CommitAsync(writes, ct);
        JobsLog.JobChanged(logger, key.ToString(), "cron descheduled");
        return ApiOutcome<CronStatus>.Ok(CronView(cron.Value));
    }

    /// <summary>Runs the cron job now (Aurora's <c>startCronJob</c>), under its collision policy.</summary>
    public async Task<ApiOutcome<CronStatus>> StartCronAsync(JobKey key, CancellationToken ct)
    {
        if (!_crons.TryGetValue(key, out var cron))
            return ApiProblem.NotFound($"key: no cron job {key}");
        if (cron.Value.WaitingRun is { } waiting)
            return ApiProblem.Conflict($"key: a run due at {waiting:u} waits for the previous run to be killed");
        await ApplyAsync(CronPlanner.StartNow(cron.Value, time.GetUtcNow(), ActiveTasks(key).Any()), ct);
        return ApiOutcome<CronStatus>.Ok(CronView(_crons[key].Value));
    }

    /// <summary>A cron job's schedule, policy, next runs and last runs (<c>cron show</c>).</summary>
    public ApiOutcome<CronStatus> CronInfo(JobKey key) =>
        _crons.TryGetValue(key, out var cron) ? ApiOutcome<CronStatus>.Ok(CronView(cron.Value))
        : ApiProblem.NotFound($"key: no cron job {key}");

    /// <summary>Every cron job whose time is due, per <see cref="CronPlanner.Decide"/> (on each tick).</summary>
    private async Task AdvanceCronAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var cron in _crons.Values.Select(c => c.Value).ToList())
        {
            if (ScheduleOf(cron) is not { } schedule) continue;
            var decision = CronPlanner.Decide(cron, schedule, now, options.CronTimeZone, ActiveTasks(cron.Key).Any());
            if (!ReferenceEquals(decision.Next, cron)) await ApplyAsync(decision, ct);
        }
        PublishNextCronDue();
    }

    private long _nextCronDueTicks = long.MaxValue;

    /// <summary>
    /// When the next cron run is due (null: none), for the ticker to wake the loop right then rather
    /// than up to a tick later. The loop writes it; the ticker only reads it (a hint: a stale value
    /// costs one early or late tick).
    /// </summary>
    public DateTimeOffset? NextCronDue =>
        Volatile.Read(ref _nextCronDueTicks) is var ticks and < long.MaxValue ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private void PublishNextCronDue()
    {
        var next = _crons.Values.Select(c => c.Value)
            .Select(c => ScheduleOf(c)?.Next(c.Cursor, options.CronTimeZone))
            .Where(d => d is not null).Min();
        Volatile.Write(ref _nextCronDueTicks, next?.UtcTicks ?? long.MaxValue);
    }

    /// <summary>Stores the cron job with what its decision does: a launch's tasks (and job), or the previous run's kills.</summary>
    private async Task ApplyAsync(CronDecision decision, CancellationToken ct)
    {
        var cron = decision.Next;
        var now = time.GetUtcNow();
        List<JobStoreWrite> writes = [Put(cron)];
        var killing = new List<ScheduledTask>();
        if (decision.Action == CronAction.Launch)
        {
            var job = cron.Job;
            writes.Add(Put(job));
            writes.AddRange(Enumerable.Range(0, job.Instances)
                .Select(i => Put(ReschedulePolicy.Initial(NewTaskId(job.Instance(i)), job.Instance(i), now))));
        }
        else if (decision.Action == CronAction.KillPrevious)
        {
            foreach (var task in ActiveTasks(cron.Key).ToList())
                KillForCron(task, now, writes, killing);
        }
        await CommitAsync(writes, ct);
        foreach (var task in killing)
            await KillOnAgentAsync(task, ct);
        if (!cron.Runs.IsDefaultOrEmpty)
            JobsLog.JobChanged(logger, cron.Key.ToString(), $"cron: {cron.Runs[^1].Note}");
        await ReviveOrSuppressAsync(ct);
    }

    private void KillForCron(ScheduledTask task, DateTimeOffset now, List<JobStoreWrite> writes, List<ScheduledTask> killing)
    {
        switch (TaskStateMachine.Kill(task, now, "killed for the next cron run (KILL_EXISTING)"))
        {
            case TransitionResult.Deleted:
                writes.Add(Delete(task));
                break;
            case TransitionResult.Changed changed:
                writes.Add(Put(changed.Task));
                killing.Add(changed.Task);
                break;
        }
    }

    private CronStatus CronView(CronJob cron)
    {
        var zone = options.CronTimeZone;
        var next = ScheduleOf(cron)?.NextRuns(time.GetUtcNow(), zone, 3) ?? [];
        return new CronStatus(cron.Key.ToString(), cron.Schedule, cron.Policy, zone.Id, cron.Job.Instances,
            [.. next], cron.WaitingRun, cron.Runs.IsDefault ? [] : cron.Runs, ActiveTasks(cron.Key).Count());
    }

    private readonly Dictionary<string, CronSchedule> _schedules = new(StringComparer.Ordinal);

    /// <summary>
    /// The cron job's parsed schedule, parsed once per schedule text: every tick reads every cron job's
    /// (stored schedules were checked when scheduled, so null only for a store written by hand).
    /// </summary>
    private CronSchedule? ScheduleOf(CronJob cron)
    {
        if (_schedules.TryGetValue(cron.Schedule, out var known)) return known;
        if (!CronSchedule.TryParse(cron.Schedule, out var schedule, out _)) return null;
        _schedules[cron.Schedule] = schedule!;
        return schedule;
    }

    private JobStoreWrite Put(CronJob cron) =>
        new JobStoreWrite.PutCron(cron, _crons.TryGetValue(cron.Key, out var v) ? ExpectVersion.Exactly(v.Version) : ExpectVersion.Absent);
}
