using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Jobs.Framework;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Store;
using Tessera.Jobs.Updates;
using Tessera.State;

namespace Tessera.Jobs.Host;

/// <summary>
/// The scheduler's state and what it does with it, owned by the <see cref="JobsScheduler"/> loop
/// (never called concurrently). Every change is committed to the <see cref="JobStore"/> before it
/// takes effect in memory and before anything is sent to the master. The pure decisions are the
/// Scheduling core's: <see cref="Placement"/>, <see cref="TaskStateMachine"/>,
/// <see cref="ReschedulePolicy"/>, <see cref="TaskTimers"/>, <see cref="UpdateEvaluator"/>.
/// </summary>
internal sealed partial class JobsCore(
    JobStore store, JobStoreSnapshot loaded, JobsSchedulerOptions options, TimeProvider time, Func<Guid> ids, ILogger logger)
{
    private readonly Dictionary<JobKey, Versioned<JobSpec>> _jobs =
        loaded.Jobs.Values.ToDictionary(j => j.Value.Key, j => j);
    private readonly Dictionary<string, Versioned<ScheduledTask>> _tasks =
        loaded.Tasks.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<PendingReason>> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableSortedDictionary<string, string>> _agentAttributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Versioned<JobUpdate>> _updates =
        loaded.Updates.ToDictionary(u => u.Key, u => u.Value, StringComparer.Ordinal);
    private readonly Dictionary<JobKey, Versioned<Cron.CronJob>> _crons =
        loaded.Crons.Values.ToDictionary(c => c.Value.Key, c => c);
    private Versioned<string>? _frameworkId = loaded.FrameworkId;
    private long? _frameworkIdVersion = loaded.FrameworkId?.Version;
    private Func<SchedulerCall, CancellationToken, Task>? _send;
    private bool _suppressed;
    private DateTimeOffset _lastReconcile;
    private DateTimeOffset _lastPrune;

    /// <summary>The framework id in effect (stored), or null before the first subscription.</summary>
    public string? FrameworkId => _frameworkId?.Value;

    /// <summary>How many tasks the scheduler knows (any state).</summary>
    public int TaskCount => _tasks.Count;

    public FrameworkInfo Framework() => new()
    {
        Name = options.FrameworkName,
        User = options.User,
        Id = _frameworkId is { } id ? new FrameworkID { Value = id.Value } : null,
        Roles = [.. options.Roles],
        Checkpoint = true,
        FailoverTimeout = options.FailoverTimeout.TotalSeconds,
        Hostname = Environment.MachineName,
        Capabilities =
        [
            new FrameworkCapability { Type = FrameworkCapabilityType.MULTI_ROLE },
            new FrameworkCapability { Type = FrameworkCapabilityType.PARTITION_AWARE },
            new FrameworkCapability { Type = FrameworkCapabilityType.TASK_KILLING_STATE },
        ],
    };

    // ---- the master's events ----

    /// <summary>SUBSCRIBED: keep the id (stored first), reconcile every task on an agent, resend pending kills, revive or suppress.</summary>
    public async Task OnSubscribedAsync(string frameworkId, Uri master, Func<SchedulerCall, CancellationToken, Task> send, CancellationToken ct)
    {
        if (_frameworkId?.Value != frameworkId)
            await CommitAsync([new JobStoreWrite.PutFrameworkId(frameworkId, _frameworkIdVersion is { } v ? ExpectVersion.Exactly(v) : ExpectVersion.Absent)], ct);
        _send = send;
        var onAgent = _tasks.Values.Select(t => t.Value).Where(t => ScheduleStatuses.OnAgent.Contains(t.Status)).ToList();
        JobsLog.Subscribed(logger, master, frameworkId, onAgent.Count);
        await CallAsync(new SchedulerCall
        {
            Type = SchedulerCallType.RECONCILE,
            Reconcile = new ReconcileCall
            {
                Tasks = [.. onAgent.Select(t => new ReconcileTask { TaskId = TaskID.Of(t.TaskId), AgentId = t.AgentId is { } a ? AgentID.Of(a) : null })],
            },
        }, ct);
        foreach (var killing in onAgent.Where(t => t.Status is ScheduleStatus.KILLING or ScheduleStatus.RESTARTING))
            await KillOnAgentAsync(killing, ct);
        _lastReconcile = time.GetUtcNow();
        _suppressed = false;
        await ReviveOrSuppressAsync(ct);
    }

    /// <summary>The stream ended: calls are dropped until the next subscription.</summary>
    public void OnDisconnected() => _send = null;

    /// <summary>ERROR: the master removed the framework; the next subscription asks for a new id.</summary>
    public void OnRemoved(string message)
    {
        JobsLog.Removed(logger, _frameworkId?.Value, message);
        _frameworkId = null;
        _send = null;
    }

    /// <summary>
    /// UPDATE: the task's new state and health verdict (stored), a replacement per
    /// <see cref="ReschedulePolicy"/>, then the acknowledgement; updates move on.
    /// </summary>
    public async Task OnUpdateAsync(MesosTaskStatus status, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = status.TaskId.Value;
        if (_tasks.TryGetValue(id, out var known))
        {
            var result = TaskStateMachine.ApplyUpdate(known.Value, status.State, now, Message(status));
            switch (result)
            {
                case TransitionResult.Changed changed:
                    await ChangeAsync(known.Value, changed.Task.WithHealth(status.Healthy, now), ct);
                    break;
                case TransitionResult.Refused refused:
                    JobsLog.Refused(logger, id, refused.Reason);
                    // A task we have given up on (LOST after a partition, say) is alive after all:
                    // its replacement holds the instance, so this one must go (Aurora does the same).
                    // Only for a task reported running on a reachable agent: a KILL for one that is
                    // still UNREACHABLE (or UNKNOWN) is answered by Mesos with that same state again.
                    if (known.Value.Status.IsTerminal() && status.State is TaskState.TASK_STAGING or TaskState.TASK_STARTING or TaskState.TASK_RUNNING)
                        await CallAsync(new SchedulerCall { Type = SchedulerCallType.KILL, Kill = new KillCall { TaskId = status.TaskId, AgentId = status.AgentId } }, ct);
                    break;
                case TransitionResult.Unchanged when known.Value.WithHealth(status.Healthy, now) is var checkedTask && !ReferenceEquals(checkedTask, known.Value):
                    JobsLog.Health(logger, id, checkedTask.Healthy == true ? "healthy" : "unhealthy");
                    await CommitAsync([Put(checkedTask)], ct);
                    break;
            }
        }
        else if (!TaskStates.IsTerminal(status.State))
        {
            // A task of ours we don't know (deleted while its launch was on the way): stop it.
            await CallAsync(new SchedulerCall { Type = SchedulerCallType.KILL, Kill = new KillCall { TaskId = status.TaskId, AgentId = status.AgentId } }, ct);
        }
        if (status.Uuid is { } uuid && status.AgentId is { } agent)
        {
            await CallAsync(new SchedulerCall
            {
                Type = SchedulerCallType.ACKNOWLEDGE,
                Acknowledge = new AcknowledgeCall { AgentId = agent, TaskId = status.TaskId, Uuid = uuid },
            }, ct);
        }
        await AdvanceUpdatesAsync(ct);
    }

    /// <summary>The timers: throttles over, transient timeouts, partitions given up; updates move on.</summary>
    public async Task OnTickAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var due in TaskTimers.Due(_tasks.Values.Select(t => t.Value), now))
        {
            if (!_tasks.TryGetValue(due.TaskId, out var current) || current.Value.Status != due.From) continue;
            if (TaskStateMachine.Transition(current.Value, due.To, now, due.Message) is TransitionResult.Changed changed)
            {
                await ChangeAsync(current.Value, changed.Task, ct);
                if (due.From is ScheduleStatus.ASSIGNED or ScheduleStatus.STARTING)
                    await KillOnAgentAsync(current.Value, ct);
            }
        }
        await AdvanceUpdatesAsync(ct);
        await AdvanceCronAsync(ct);
        await ReviveOrSuppressAsync(ct);
        await ReconcileWhenDueAsync(now, ct);
        await PruneHistoryWhenDueAsync(now, ct);
    }

    /// <summary>
    /// Once a minute, forgets ended tasks per <see cref="TaskHistoryPruner"/> (at most
    /// <see cref="MaxPrunedPerTick"/> at a time, so one tick's transaction stays small).
    /// </summary>
    private async Task PruneHistoryWhenDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (now - _lastPrune < TimeSpan.FromMinutes(1)) return;
        _lastPrune = now;
        // Jobs updating (or restarting) keep their history: the update's evaluation reads it.
        var rolling = _updates.Values.Where(u => u.Value.Status.IsActive()).Select(u => u.Value.Job).ToHashSet();
        var pruned = TaskHistoryPruner.Decide(_tasks.Values.Select(t => t.Value), rolling, now, options.History);
        if (pruned.Count == 0) return;
        await CommitAsync([.. pruned.Take(MaxPrunedPerTick).Select(id => Delete(_tasks[id].Value))], ct);
        JobsLog.Pruned(logger, Math.Min(pruned.Count, MaxPrunedPerTick));
    }

    private const int MaxPrunedPerTick = 500;

    /// <summary>
    /// Implicit reconciliation every <see cref="JobsSchedulerOptions.ReconcileInterval"/>: the
    /// master answers with every task it knows of ours, which is how a task on an agent that came
    /// back from a partition (after we replaced it) is found and killed.
    /// </summary>
    private async Task ReconcileWhenDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (_send is null || now - _lastReconcile < options.ReconcileInterval) return;
        _lastReconcile = now;
        await CallAsync(new SchedulerCall { Type = SchedulerCallType.RECONCILE, Reconcile = new ReconcileCall { Tasks = [] } }, ct);
    }

    /// <summary>
    /// A task changed state: stored together with its replacement when it ended (the replacement
    /// is PENDING or THROTTLED per the flapping penalty).
    /// </summary>
    private async Task ChangeAsync(ScheduledTask before, ScheduledTask after, CancellationToken ct)
    {
        JobsLog.Moved(logger, after.TaskId, before.Status.ToString(), after.Status.ToString(), after.Events[^1].Message);
        List<JobStoreWrite> writes = [Put(after)];
        if (after.Status.IsTerminal())
        {
            var decision = ReschedulePolicy.Decide(after, NewTaskId(after.Spec), time.GetUtcNow(), options.Flapping);
            JobsLog.Ended(logger, after.TaskId, after.Status.ToString(), decision.Reason);
            if (decision is RescheduleDecision.Rescheduled rescheduled && _jobs.ContainsKey(after.Spec.Job))
                writes.Add(Put(rescheduled.Replacement));
        }
        _pending.Remove(after.TaskId);
        await CommitAsync(writes, ct);
        await ReviveOrSuppressAsync(ct);
    }

    private static string? Message(MesosTaskStatus status)
    {
        var text = status.Message?.Trim();
        return status.Reason is { } reason && status.State != TaskState.TASK_FINISHED
            ? string.IsNullOrEmpty(text) ? reason.ToString() : $"{text} ({reason})"
            : text;
    }

    // ---- sending ----

    private async Task CallAsync(SchedulerCall call, CancellationToken ct)
    {
        if (_send is not { } send || _frameworkId is null) return;
        await send(call with { FrameworkId = new FrameworkID { Value = _frameworkId.Value } }, ct);
    }

    private Task KillOnAgentAsync(ScheduledTask task, CancellationToken ct) => CallAsync(new SchedulerCall
    {
        Type = SchedulerCallType.KILL,
        Kill = new KillCall { TaskId = TaskID.Of(task.TaskId), AgentId = task.AgentId is { } a ? AgentID.Of(a) : null },
    }, ct);

    private bool AnythingToPlace => _tasks.Values.Any(t => t.Value.Status == ScheduleStatus.PENDING);

    private async Task ReviveOrSuppressAsync(CancellationToken ct)
    {
        var wanted = AnythingToPlace;
        if (wanted && _suppressed)
        {
            _suppressed = false;
            await CallAsync(new SchedulerCall { Type = SchedulerCallType.REVIVE, Revive = new ReviveCall { Roles = [.. options.Roles] } }, ct);
        }
        else if (!wanted && !_suppressed && _send is not null)
        {
            _suppressed = true;
            await CallAsync(new SchedulerCall { Type = SchedulerCallType.SUPPRESS, Suppress = new SuppressCall { Roles = [.. options.Roles] } }, ct);
        }
    }
}
