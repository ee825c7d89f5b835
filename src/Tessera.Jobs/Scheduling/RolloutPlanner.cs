using System.Collections.Immutable;
using System.Globalization;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// Aurora's rolling restart, decided from a snapshot and <c>now</c> (pure; the host stores the
/// restarted tasks and the next state, then sends the kills):
/// <list type="bullet">
/// <item>batches of <see cref="RolloutSettings.BatchSize"/> instances, in order; the next batch
/// starts when every instance of the current one is done, failed or skipped;</item>
/// <item>an instance is done when a replacement (a task descended from the one restarted) has been
/// RUNNING, and not reported unhealthy, for <see cref="RolloutSettings.WatchSecs"/> without a break
/// (also when it ended after that);</item>
/// <item>a replacement that ends before its watch is over is a failure of its instance (one that was
/// killed on request drops the instance instead; one drained or preempted is no one's failure);
/// more than <see cref="RolloutSettings.MaxPerInstanceFailures"/> fail the instance, and so does a
/// failure nothing replaces;</item>
/// <item>more than <see cref="RolloutSettings.MaxTotalFailures"/> failed instances fail the restart:
/// the instances not started yet are left alone.</item>
/// </list>
/// </summary>
public static class RolloutPlanner
{
    /// <summary>The steps due at <paramref name="now"/> for <paramref name="state"/>, given the job's tasks (any state).</summary>
    public static RolloutPlan Decide(RolloutState state, IReadOnlyList<ScheduledTask> jobTasks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(jobTasks);
        if (state.Phase != RolloutPhase.Rolling)
            return new RolloutPlan(state, []);
        var tasks = new JobTasks(jobTasks.Where(t => t.Spec.Job == state.Job));
        var settings = state.Settings;
        var steps = new List<RolloutStep>();
        var inFlight = new List<RolloutInstance>();
        var done = state.Done.ToBuilder();
        var failed = state.Failed.ToBuilder();
        var skipped = state.Skipped.ToBuilder();

        foreach (var instance in state.InFlight)
        {
            var verdict = Follow(instance, tasks, settings, now);
            steps.AddRange(verdict.Failures.Skip(instance.Failures)
                .Select(f => new RolloutStep.ReplacementFailed(instance.Instance, f.TaskId, f.Reason)));
            switch (verdict)
            {
                case Verdict.Done d:
                    steps.Add(new RolloutStep.InstanceDone(instance.Instance, d.TaskId));
                    done.Add(instance.Instance);
                    break;
                case Verdict.Failed f:
                    steps.Add(new RolloutStep.InstanceFailed(instance.Instance, f.Reason));
                    failed.Add(new RolloutOutcome(instance.Instance, f.Reason));
                    break;
                case Verdict.Skipped s:
                    steps.Add(new RolloutStep.InstanceSkipped(instance.Instance, s.Reason));
                    skipped.Add(new RolloutOutcome(instance.Instance, s.Reason));
                    break;
                case Verdict.Waiting w:
                    if (w.RestartAgain is { } again) steps.Add(new RolloutStep.Restart(instance.Instance, again));
                    inFlight.Add(w.Failures.Length == instance.Failures ? instance : instance with { Failures = w.Failures.Length });
                    break;
            }
        }

        var remaining = state.Remaining;
        var phase = RolloutPhase.Rolling;
        string? reason = null;
        if (failed.Count > settings.MaxTotalFailures)
        {
            phase = RolloutPhase.Failed;
            var first = failed[0];
            reason = string.Create(CultureInfo.InvariantCulture,
                $"{Wording.Plural(failed.Count, "instance")} failed, more than max_total_failures {settings.MaxTotalFailures} (instance {first.Instance}: {first.Reason})");
        }
        else if (inFlight.Count == 0)
        {
            var next = 0;
            while (inFlight.Count < settings.BatchSize && next < remaining.Length)
            {
                var id = remaining[next++];
                var current = tasks.Current(id);
                switch (current?.Status)
                {
                    case ScheduleStatus.ASSIGNED or ScheduleStatus.STARTING or ScheduleStatus.RUNNING:
                        steps.Add(new RolloutStep.Restart(id, current.TaskId));
                        inFlight.Add(new RolloutInstance(id, current.TaskId, now));
                        break;
                    case ScheduleStatus.RESTARTING or ScheduleStatus.DRAINING or ScheduleStatus.PREEMPTING:
                        // Already being replaced: watch its replacement like one restarted here.
                        inFlight.Add(new RolloutInstance(id, current.TaskId, now));
                        break;
                    default:
                        var why = current is null ? "no active task: nothing to restart"
                            : current.Status == ScheduleStatus.KILLING ? "being killed on request"
                            : current.Status == ScheduleStatus.PARTITIONED ? "its agent is unreachable (PARTITIONED)"
                            : $"{current.Status}, not on an agent yet: nothing to restart";
                        steps.Add(new RolloutStep.InstanceSkipped(id, why));
                        skipped.Add(new RolloutOutcome(id, why));
                        break;
                }
            }
            remaining = remaining[next..];
            if (inFlight.Count == 0 && remaining.IsEmpty)
            {
                phase = RolloutPhase.Done;
                reason = string.Create(CultureInfo.InvariantCulture, $"restarted {done.Count} of {Wording.Plural(done.Count + failed.Count + skipped.Count, "instance")}")
                    + (failed.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", {failed.Count} failed") : "")
                    + (skipped.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", {skipped.Count} skipped") : "");
            }
        }
        if (phase != RolloutPhase.Rolling)
            steps.Add(new RolloutStep.Finished(phase, reason!));
        if (steps.Count == 0 && remaining.Length == state.Remaining.Length)
            return new RolloutPlan(state, []);
        return new RolloutPlan(state with
        {
            Phase = phase,
            Remaining = remaining,
            InFlight = [.. inFlight],
            Done = done.ToImmutable(),
            Failed = failed.ToImmutable(),
            Skipped = skipped.ToImmutable(),
            EndedAt = phase == RolloutPhase.Rolling ? null : now,
            Reason = reason,
        }, [.. steps]);
    }

    /// <summary>The newest task of an in-flight instance: its latest replacement, or the restarted task while it has none.</summary>
    public static ScheduledTask? Latest(RolloutInstance instance, IReadOnlyList<ScheduledTask> jobTasks)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(jobTasks);
        var tasks = new JobTasks(jobTasks);
        if (!tasks.ById.TryGetValue(instance.RestartedTaskId, out var task)) return null;
        while (tasks.Successor.TryGetValue(task.TaskId, out var next)) task = next;
        return task;
    }

    /// <summary>
    /// How long <paramref name="task"/>'s latest stretch in RUNNING has lasted (to <paramref name="now"/>
    /// while it goes on), counted from its last recovery when it was reported unhealthy and cut where
    /// it was reported unhealthy; null when it never ran, or runs unhealthy now.
    /// </summary>
    public static TimeSpan? RanFor(ScheduledTask task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        var events = task.Events;
        if (events.IsDefaultOrEmpty) return null;
        var i = events.Length - 1;
        while (i >= 0 && events[i].Status != ScheduleStatus.RUNNING) i--;
        if (i < 0) return null;
        var start = events[i].At;
        var end = i + 1 < events.Length ? events[i + 1].At : now;
        if (task.HealthChangedAt is { } changed)
        {
            if (task.Healthy == false)
            {
                if (changed <= start || (changed < end && i == events.Length - 1)) return null;
                if (changed < end) end = changed;
            }
            else if (changed > start && changed < end)
            {
                start = changed;
            }
        }
        return end < start ? TimeSpan.Zero : end - start;
    }

    private static Verdict Follow(RolloutInstance instance, JobTasks tasks, RolloutSettings settings, DateTimeOffset now)
    {
        if (!tasks.ById.TryGetValue(instance.RestartedTaskId, out var restarted))
            return new Verdict.Skipped($"its task {instance.RestartedTaskId} is gone", []);
        var failures = ImmutableArray.CreateBuilder<Failure>();
        var task = restarted;
        while (tasks.Successor.TryGetValue(task.TaskId, out var replacement))
        {
            task = replacement;
            if (task.WasEver(ScheduleStatus.KILLING))
                return new Verdict.Skipped($"replacement {task.TaskId} was killed on request", failures.ToImmutable());
            if (RanFor(task, now) is { } ran && ran >= settings.Watch)
                return new Verdict.Done(task.TaskId, failures.ToImmutable());
            if (!task.Status.IsTerminal() || Interrupted(task)) continue;
            failures.Add(new Failure(task.TaskId, Describe(task, settings, now)));
            if (failures.Count > settings.MaxPerInstanceFailures)
            {
                return new Verdict.Failed(string.Create(CultureInfo.InvariantCulture,
                    $"{Wording.Plural(failures.Count, "replacement")} failed, more than max_per_instance_failures {settings.MaxPerInstanceFailures} (last: {failures[^1].Reason})"),
                    failures.ToImmutable());
            }
        }
        var all = failures.ToImmutable();
        if (task == restarted)
        {
            if (task.Status.IsTerminal())
            {
                return new Verdict.Skipped(task.WasEver(ScheduleStatus.KILLING)
                    ? "killed on request while restarting"
                    : $"{task.TaskId} ended {task.Status} and was not replaced", all);
            }
            var again = task.Status is ScheduleStatus.ASSIGNED or ScheduleStatus.STARTING or ScheduleStatus.RUNNING ? task.TaskId : null;
            return new Verdict.Waiting(all, again);
        }
        if (task.Status.IsTerminal())
        {
            return new Verdict.Failed(all.IsEmpty
                ? $"replacement {task.TaskId} ended {task.Status} and was not replaced"
                : $"{all[^1].Reason}; it was not replaced", all);
        }
        return new Verdict.Waiting(all, null);
    }

    private static bool Interrupted(ScheduledTask task) =>
        task.WasEver(ScheduleStatus.DRAINING) || task.WasEver(ScheduleStatus.PREEMPTING) || task.WasEver(ScheduleStatus.RESTARTING);

    private static string Describe(ScheduledTask ended, RolloutSettings settings, DateTimeOffset now)
    {
        var ran = RanFor(ended, now);
        var when = ran is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"after {r.TotalSeconds:0.#} s of its {settings.WatchSecs} s watch")
            : "before it ran healthy";
        var last = ended.Events.IsDefaultOrEmpty ? "" : ": " + ended.Events[^1].Message;
        return $"replacement {ended.TaskId} ended {ended.Status} {when}{last}";
    }

    private sealed record Failure(string TaskId, string Reason);

    private abstract record Verdict(ImmutableArray<Failure> Failures)
    {
        public sealed record Done(string TaskId, ImmutableArray<Failure> Failures) : Verdict(Failures);

        public sealed record Failed(string Reason, ImmutableArray<Failure> Failures) : Verdict(Failures);

        public sealed record Skipped(string Reason, ImmutableArray<Failure> Failures) : Verdict(Failures);

        public sealed record Waiting(ImmutableArray<Failure> Failures, string? RestartAgain) : Verdict(Failures);
    }

    /// <summary>A job's tasks by id, each task's replacement by its ancestor's id, and each instance's current task.</summary>
    private sealed class JobTasks
    {
        public JobTasks(IEnumerable<ScheduledTask> tasks)
        {
            var list = tasks.ToList();
            ById = list.ToDictionary(t => t.TaskId, StringComparer.Ordinal);
            Successor = list.Where(t => t.AncestorId is not null)
                .GroupBy(t => t.AncestorId!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Events.IsDefaultOrEmpty ? DateTimeOffset.MinValue : t.Events[0].At).Last(), StringComparer.Ordinal);
            _byInstance = list.ToLookup(t => t.Spec.InstanceId);
        }

        private readonly ILookup<int, ScheduledTask> _byInstance;

        public Dictionary<string, ScheduledTask> ById { get; }

        public Dictionary<string, ScheduledTask> Successor { get; }

        /// <summary>The instance's newest active task, or null when it has none.</summary>
        public ScheduledTask? Current(int instance) =>
            _byInstance[instance].Where(t => t.Status.IsActive()).OrderByDescending(t => t.Since).FirstOrDefault();
    }
}
