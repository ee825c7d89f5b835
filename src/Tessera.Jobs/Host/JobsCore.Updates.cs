using System.Collections.Immutable;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Store;
using Tessera.Jobs.Updates;
using Tessera.State;

namespace Tessera.Jobs.Host;

internal sealed partial class JobsCore
{
    /// <summary>Aurora keeps the last 10 updates of a job; so do we (the active one included).</summary>
    private const int UpdatesKeptPerJob = 10;

    /// <summary>
    /// Starts an update (<see cref="UpdateStarter"/>): the update and the job's spec for its
    /// duration are stored together, then it moves at once (<see cref="AdvanceUpdatesAsync"/>).
    /// </summary>
    public async Task<ApiOutcome<UpdateStarted>> StartUpdateAsync(UpdateStartRequest request, CancellationToken ct,
        bool restart = false)
    {
        var key = request.Job.Key;
        if (_crons.ContainsKey(key))
            return ApiProblem.Conflict($"key: {key} is a cron job: cron jobs change with 'tessera cron schedule', not updates");
        if (!_jobs.TryGetValue(key, out var job))
            return ApiProblem.NotFound($"key: no job {key} (create it with 'tessera job create')");
        if (ActiveUpdate(key) is { } active)
        {
            return ApiProblem.Conflict(
                $"key: job {key} has {(active.Restart ? "restart" : "update")} {active.Id} in progress "
                + $"({active.Status}); pause, abort or wait for it");
        }
        if (ExecutorProblem(request.Job) is { } noExecutor)
            return ApiProblem.BadRequest("job." + noExecutor);
        var now = time.GetUtcNow();
        var asked = new UpdateRequest(ids().ToString("D"), request.Job, request.Settings ?? UpdateSettings.Default,
            request.Instances is { } scope ? [.. scope] : null, now, request.Message, restart);
        switch (UpdateStarter.Start(asked, job.Value, [.. JobTasks(key)]))
        {
            case StartResult.Refused refused:
                return ApiProblem.BadRequest(refused.Problem);
            case StartResult.NoChange same:
                return ApiOutcome<UpdateStarted>.Ok(new UpdateStarted(key.ToString(), null, same.Message, []));
            case StartResult.Started started:
                var update = started.Update;
                await CommitAsync([Put(started.JobDuring), Put(update), .. PruneUpdates(key)], ct);
                JobsLog.JobChanged(logger, key.ToString(), $"update {update.Id}: {update.Events[^1].Message}");
                await AdvanceUpdatesAsync(ct);
                var message = $"update {update.Id} of {key}: {update.Events[^1].Message}";
                return ApiOutcome<UpdateStarted>.Ok(new UpdateStarted(key.ToString(), update.Id, message,
                    [.. update.Instances.Select(p => p.Instance)]));
            default:
                throw new InvalidOperationException("unknown start result");
        }
    }

    /// <summary>
    /// Pauses, resumes, aborts, rolls back or pulses the job's active update (<see cref="UpdateControl"/>).
    /// </summary>
    public async Task<ApiOutcome<UpdateSummary>> ControlUpdateAsync(JobKey key, string verb, CancellationToken ct)
    {
        Func<JobUpdate, DateTimeOffset, ControlResult>? move = verb switch
        {
            "pause" => UpdateControl.Pause,
            "resume" => UpdateControl.Resume,
            "abort" => UpdateControl.Abort,
            "rollback" => UpdateControl.Rollback,
            "pulse" => UpdateControl.Pulse,
            _ => null,
        };
        if (move is null)
            return ApiProblem.NotFound($"action: '{verb}' is not one of pause, resume, abort, rollback, pulse");
        if (ActiveUpdate(key) is not { } update)
        {
            return _jobs.ContainsKey(key) ? ApiProblem.Conflict($"key: job {key} has no update in progress")
                : ApiProblem.NotFound($"key: no job {key}");
        }
        var result = move(update, time.GetUtcNow());
        if (result is ControlResult.Refused refused)
            return ApiProblem.Conflict($"key: {refused.Reason}");
        var changed = ((ControlResult.Changed)result).Update;
        await CommitAsync([Put(changed)], ct);
        JobsLog.JobChanged(logger, key.ToString(), $"update {update.Id}: {changed.Events[^1].Message}");
        await AdvanceUpdatesAsync(ct);
        return ApiOutcome<UpdateSummary>.Ok(Summary(_updates[UpdateKey(changed)].Value));
    }

    /// <summary>
    /// Moves each active update on per <see cref="UpdateEvaluator.Decide"/>: the next update, the
    /// tasks its actions change and (once it ended) the job's spec are stored together, then the kills are sent.
    /// </summary>
    private async Task AdvanceUpdatesAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var update in _updates.Values.Select(u => u.Value).Where(u => u.Status.IsActive()).ToList())
        {
            var decision = UpdateEvaluator.Decide(update, [.. JobTasks(update.Job)], now);
            if (ReferenceEquals(decision.Next, update)) continue;
            var writes = new List<JobStoreWrite> { Put(decision.Next) };
            var killing = new List<ScheduledTask>();
            foreach (var action in decision.Actions)
                Apply(action, now, writes, killing);
            if (decision.Ended && EndSpec(decision.Next) is { } spec && _jobs.ContainsKey(update.Job))
                writes.Add(Put(spec));
            await CommitAsync(writes, ct);
            foreach (var task in killing)
                await KillOnAgentAsync(task, ct);
            if (decision.Next.Status != update.Status)
            {
                JobsLog.JobChanged(logger, update.Job.ToString(),
                    $"update {update.Id}: {decision.Next.Events[^1].Message}");
            }
        }
        await ReviveOrSuppressAsync(ct);
    }

    private void Apply(UpdateAction action, DateTimeOffset now, List<JobStoreWrite> writes, List<ScheduledTask> killing)
    {
        switch (action)
        {
            case UpdateAction.Kill kill when _tasks.TryGetValue(kill.TaskId, out var task):
                switch (TaskStateMachine.Kill(task.Value, now, kill.Reason))
                {
                    case TransitionResult.Deleted:
                        writes.Add(Delete(task.Value));
                        break;
                    case TransitionResult.Changed changed:
                        writes.Add(Put(changed.Task));
                        killing.Add(changed.Task);
                        break;
                }
                break;
            case UpdateAction.Create create:
                writes.Add(Put(ReschedulePolicy.Initial(NewTaskId(create.Spec), create.Spec, now)));
                break;
        }
    }

    /// <summary>
    /// The job's spec once the update ended: the new one rolled forward, the old one rolled back, else as it is.
    /// </summary>
    private static JobSpec? EndSpec(JobUpdate ended) => ended.Status switch
    {
        UpdateStatus.ROLLED_FORWARD => ended.To,
        UpdateStatus.ROLLED_BACK => ended.From,
        _ => null,
    };

    /// <summary>The update ends ERROR when its job is removed under it (killall).</summary>
    private JobStoreWrite[] EndUpdateWithJob(JobKey key) =>
        ActiveUpdate(key) is { } update
            ? [Put(update.WithStatus(UpdateStatus.ERROR, time.GetUtcNow(),
                "the job was killed (killall) during the update"))]
            : [];

    /// <summary>
    /// Deletes the oldest ended updates of the job so that, with a new one, it keeps <see cref="UpdatesKeptPerJob"/>.
    /// </summary>
    private IEnumerable<JobStoreWrite> PruneUpdates(JobKey key) =>
        _updates.Values.Where(u => u.Value.Job == key && !u.Value.Status.IsActive())
            .OrderByDescending(u => u.Value.CreatedAt).Skip(UpdatesKeptPerJob - 1)
            .Select(u => new JobStoreWrite.DeleteUpdate(key, u.Value.Id, ExpectVersion.Exactly(u.Version)));

    private JobUpdate? ActiveUpdate(JobKey key) =>
        _updates.Values.Select(u => u.Value).FirstOrDefault(u => u.Job == key && u.Status.IsActive());

    private IEnumerable<ScheduledTask> JobTasks(JobKey key) =>
        _tasks.Values.Select(t => t.Value).Where(t => t.Spec.Job == key);

    private static string UpdateKey(JobUpdate update) => $"{update.Job}/{update.Id}";

    private JobStoreWrite Put(JobUpdate update) =>
        new JobStoreWrite.PutUpdate(update,
            _updates.TryGetValue(UpdateKey(update), out var v)
                ? ExpectVersion.Exactly(v.Version) : ExpectVersion.Absent);

    /// <summary>
    /// Why this scheduler can't run <paramref name="job"/>: executor JSON without a command and no executor.
    /// </summary>
    private string? ExecutorProblem(JobSpec job) =>
        job.Template.TaskJson is not null && string.IsNullOrWhiteSpace(job.Template.Command)
        && string.IsNullOrWhiteSpace(options.ThermosExecutor)
            ? "template.task_json: this scheduler runs no process-tree executor "
                + "(tessera jobs --thermos-executor none); send 'command' too"
            : null;
}
