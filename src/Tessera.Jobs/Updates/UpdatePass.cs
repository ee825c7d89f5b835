using System.Collections.Immutable;
using System.Globalization;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Updates;

/// <summary>
/// One <see cref="UpdateEvaluator.Decide"/> call's working copy of an update: the instances'
/// progress, the events and the actions so far (mutable, never shared).
/// </summary>
internal sealed class UpdatePass
{
    private readonly JobUpdate _update;
    private readonly DateTimeOffset _now;
    private readonly bool _forward;
    private readonly ILookup<int, ScheduledTask> _tasks;
    private readonly InstanceProgress[] _progress;
    private readonly List<InstanceEvent> _events = [];
    private readonly List<UpdateAction> _actions = [];
    private int _pausedBeforeBatch;
    private bool _changed;

    public UpdatePass(JobUpdate update, IReadOnlyList<ScheduledTask> jobTasks, DateTimeOffset now)
    {
        _update = update;
        _now = now;
        _forward = update.Status.IsForward();
        _tasks = jobTasks.Where(t => t.Spec.Job == update.Job).ToLookup(t => t.Spec.InstanceId);
        _progress = [.. update.Instances];
        _pausedBeforeBatch = update.PausedBeforeBatch;
    }

    /// <summary>How many instances failed in this direction.</summary>
    public int FailedCount => _progress.Count(p => p.Phase == InstancePhase.Failed);

    private string KillReason =>
        _update.Restart ? $"restarting (update {_update.Id})" : $"killed for job update {_update.Id}";

    /// <summary>Judges every instance in progress.</summary>
    public void FollowWorking()
    {
        for (var i = 0; i < _progress.Length; i++)
        {
            if (_progress[i].Phase == InstancePhase.Working) Judge(i);
        }
    }

    /// <summary>
    /// Starts what the strategy allows now (judging each at once); false when nothing more can start.
    /// </summary>
    public bool StartNext()
    {
        if (_update.Settings.Strategy == UpdateStrategy.Queue)
        {
            var window = _update.Settings.SizeOf(0);
            if (_progress.Count(p => p.Phase == InstancePhase.Working) >= window) return false;
            var next = Array.FindIndex(_progress, p => p.Phase == InstancePhase.Waiting);
            if (next < 0) return false;
            Start(next);
            return true;
        }
        return StartBatch();
    }

    private bool StartBatch()
    {
        var (batch, from, to) = CurrentBatch();
        if (batch < 0 || _progress[from..to].Any(p => p.Phase != InstancePhase.Waiting)) return false;
        if (batch > 0 && _update.Settings.AutopauseAfterBatch && _pausedBeforeBatch < batch)
        {
            _pausedBeforeBatch = batch;
            _changed = true;
            return false;
        }
        for (var i = from; i < to; i++) Start(i);
        return true;
    }

    /// <summary>
    /// The first batch with an instance not ended (-1 when all have), as index range of the working set.
    /// </summary>
    private (int Batch, int From, int To) CurrentBatch()
    {
        var from = 0;
        for (var batch = 0; from < _progress.Length; batch++)
        {
            var to = Math.Min(_progress.Length, from + _update.Settings.SizeOf(batch));
            if (_progress[from..to].Any(p => !p.IsFinished)) return (batch, from, to);
            from = to;
        }
        return (-1, 0, 0);
    }

    private void Start(int index)
    {
        var instance = _progress[index].Instance;
        var replaced = _update.Restart
            ? _tasks[instance].Where(t => t.Status.IsActive()).MaxBy(InstanceEvaluator.Created)
            : null;
        _progress[index] = new InstanceProgress(instance, InstancePhase.Working, _now,
            ReplacedTaskId: replaced?.TaskId);
        var desired = _update.Desired(instance);
        Record(instance, _forward ? InstanceAction.INSTANCE_UPDATING : InstanceAction.INSTANCE_ROLLING_BACK,
            _update.Restart ? "restarting the instance"
            : desired is null ? "removing the instance" : _update.OriginalOf(instance) is null && _forward
                ? "adding the instance" : _forward ? "moving to the new config" : "moving back to its original config");
        Judge(index);
    }

    private void Judge(int index)
    {
        var progress = _progress[index];
        var verdict = InstanceEvaluator.Evaluate(progress, _update.Desired(progress.Instance),
            _tasks[progress.Instance], _update.Settings, _now, KillReason);
        switch (verdict)
        {
            case InstanceVerdict.Succeeded s:
                _progress[index] = progress with { Phase = InstancePhase.Succeeded, Reason = s.Reason };
                Record(progress.Instance, _forward ? InstanceAction.INSTANCE_UPDATED
                    : InstanceAction.INSTANCE_ROLLED_BACK, s.Reason);
                break;
            case InstanceVerdict.Failed f:
                _progress[index] =
                    progress with { Phase = InstancePhase.Failed, Failures = f.Failures, Reason = f.Reason };
                Record(progress.Instance, _forward ? InstanceAction.INSTANCE_UPDATE_FAILED
                    : InstanceAction.INSTANCE_ROLLBACK_FAILED, f.Reason);
                break;
            case InstanceVerdict.Pending p:
                if (p.Failures != progress.Failures)
                {
                    _progress[index] = progress with { Failures = p.Failures, Reason = p.LastFailure };
                    _changed = true;
                }
                _actions.AddRange(p.Actions);
                break;
        }
    }

    private void Record(int instance, InstanceAction action, string message)
    {
        _events.Add(new InstanceEvent(_now, instance, action, message));
        _changed = true;
    }

    /// <summary>The update with this pass's progress and events (status unchanged).</summary>
    public JobUpdate Snapshot() => _update with
    {
        Instances = [.. _progress],
        InstanceEvents = _update.InstanceEvents.AddRange(_events),
        PausedBeforeBatch = _pausedBeforeBatch,
    };

    /// <summary>Why the direction failed: the count against the limit and the first failed instance.</summary>
    public string FailureSummary()
    {
        var failed = _progress.Where(p => p.Phase == InstancePhase.Failed).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Wording.Plural(failed.Count, "instance")} failed, more than max_total_failures "
            + $"{_update.Settings.MaxTotalFailures} (instance {failed[0].Instance}: {failed[0].Reason})");
    }

    /// <summary>
    /// The decision: ended when every instance has, paused before a batch with autopause, else rolling.
    /// </summary>
    public UpdateDecision Finish()
    {
        if (!_changed && _actions.Count == 0 && !_progress.All(p => p.IsFinished))
            return new UpdateDecision(_update, []);
        var next = Snapshot();
        if (_progress.All(p => p.IsFinished))
        {
            var done = _progress.Count(p => p.Phase == InstancePhase.Succeeded);
            var failed = _progress.Length - done;
            var what = string.Create(CultureInfo.InvariantCulture,
                    $"{done} of {Wording.Plural(_progress.Length, "instance")} ")
                + (_update.Restart ? "restarted" : _forward ? "updated" : "rolled back")
                + (failed > 0 ? $", {failed} failed" : "");
            next = next.WithStatus(_forward ? UpdateStatus.ROLLED_FORWARD : UpdateStatus.ROLLED_BACK, _now, what);
        }
        else if (_pausedBeforeBatch != _update.PausedBeforeBatch)
        {
            next = next.WithStatus(UpdateStatuses.Paused(_forward), _now, string.Create(CultureInfo.InvariantCulture,
                $"paused after batch {_pausedBeforeBatch} (autopause_after_batch): "
                + $"resume to start batch {_pausedBeforeBatch + 1}"));
        }
        return new UpdateDecision(next, [.. _actions]);
    }
}
