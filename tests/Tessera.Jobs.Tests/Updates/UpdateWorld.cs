using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;
using static Tessera.Jobs.Scheduling.ScheduleStatus;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;

namespace Tessera.Jobs.Tests.Updates;

/// <summary>
/// A job's tasks moved along by hand on fixed timestamps, with the update's actions applied as the
/// host applies them (kill: KILLING or deleted; create: PENDING) and ended tasks replaced as the
/// scheduler replaces them.
/// </summary>
internal sealed class UpdateWorld
{
    public static readonly JobKey Key = Job();
    private readonly Dictionary<string, ScheduledTask> _tasks = new(StringComparer.Ordinal);
    private int _ids;

    public IReadOnlyList<ScheduledTask> Tasks => [.. _tasks.Values];

    public JobUpdate Update { get; set; } = null!;

    public static JobSpec JobOf(int instances, double cpus) =>
        new(Key, instances, Spec(Key, 0, cpus: cpus, service: true));

    public static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    /// <summary>Instances 0..n-1 of <paramref name="job"/>, each RUNNING since T0.</summary>
    public UpdateWorld Running(JobSpec job)
    {
        for (var i = 0; i < job.Instances; i++)
            Put(Walk(Pending(job.Instance(i), $"old-{i}"), T0 - TimeSpan.FromSeconds(3), ASSIGNED, STARTING, RUNNING));
        return this;
    }

    /// <summary>Starts an update of the running job to <paramref name="to"/>.</summary>
    public UpdateWorld Start(JobSpec from, JobSpec to, UpdateSettings settings, IReadOnlyList<int>? scope = null,
        bool restart = false)
    {
        var started = UpdateStarter.Start(new UpdateRequest("u1", to, settings, scope, T0, Restart: restart),
            from, Tasks);
        Update = Assert.IsType<StartResult.Started>(started).Update;
        return this;
    }

    public ScheduledTask Put(ScheduledTask task) => _tasks[task.TaskId] = task;

    public ScheduledTask this[string id] => _tasks[id];

    /// <summary>Decides at <paramref name="at"/>, applies the actions, keeps the next update.</summary>
    public UpdateDecision Decide(DateTimeOffset at)
    {
        var decision = UpdateEvaluator.Decide(Update, Tasks, at);
        foreach (var action in decision.Actions)
        {
            switch (action)
            {
                case UpdateAction.Kill kill:
                    var result = TaskStateMachine.Kill(_tasks[kill.TaskId], at, kill.Reason);
                    if (result is TransitionResult.Deleted) _tasks.Remove(kill.TaskId);
                    else Put(Assert.IsType<TransitionResult.Changed>(result).Task);
                    break;
                case UpdateAction.Create create:
                    Put(ReschedulePolicy.Initial($"new-{create.Instance}-{++_ids}", create.Spec, at));
                    break;
            }
        }
        Update = decision.Next;
        return decision;
    }

    /// <summary>The instance's newest task.</summary>
    public ScheduledTask Newest(int instance) =>
        _tasks.Values.Where(t => t.Spec.InstanceId == instance).MaxBy(InstanceEvaluator.Created)!;

    /// <summary>Every KILLING task ends KILLED at <paramref name="at"/>.</summary>
    public void KillsLand(DateTimeOffset at)
    {
        foreach (var task in _tasks.Values.Where(t => t.Status == KILLING).ToList())
            Put(TaskStateMachine.Transition(task, KILLED, at, "killed").Task);
    }

    /// <summary>Every PENDING task is placed and RUNNING at <paramref name="at"/>.</summary>
    public void PendingRun(DateTimeOffset at)
    {
        foreach (var task in _tasks.Values.Where(t => t.Status == PENDING).ToList())
            Put(Walk(task, at - TimeSpan.FromSeconds(3), ASSIGNED, STARTING, RUNNING));
    }

    /// <summary>
    /// <paramref name="task"/> ends <paramref name="end"/> and is replaced (PENDING) as the scheduler would.
    /// </summary>
    public void End(ScheduledTask task, ScheduleStatus end, DateTimeOffset at)
    {
        var ended = Put(TaskStateMachine.Transition(task, end, at, "exited 1").Task);
        if (ReschedulePolicy.Decide(ended, $"re-{task.Spec.InstanceId}-{++_ids}", at)
            is RescheduleDecision.Rescheduled r)
        {
            Put(r.Replacement.Status == THROTTLED
                ? TaskStateMachine.Transition(r.Replacement, PENDING, at, "now").Task
                : r.Replacement);
        }
    }

    /// <summary>The update's instance events as "instance:ACTION".</summary>
    public string[] Events() => [.. Update.InstanceEvents.Select(e => $"{e.Instance}:{e.Action}")];

    public static UpdateSettings Settings(UpdateStrategy strategy = UpdateStrategy.Queue, int[]? sizes = null,
        int watch = 10, int perInstance = 0, int total = 0, bool rollback = true, bool autopause = false,
        int? pulse = null) =>
        new(strategy, [.. sizes ?? [1]], autopause, watch, perInstance, total, rollback, pulse);

    public static int[] Working(JobUpdate update) =>
        [.. update.Instances.Where(p => p.Phase == InstancePhase.Working).Select(p => p.Instance)];
}
