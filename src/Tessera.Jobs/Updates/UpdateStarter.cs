using System.Collections.Immutable;
using System.Globalization;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Updates;

/// <summary>
/// Starts an update (pure): the working set is every instance in scope whose active task's config
/// is not the new one, plus instances added or removed by the new count (Aurora's per-instance
/// diff); the original configs are kept for a rollback. With a scope, instances outside it keep
/// running as they are; the job's instance count after it must leave no gap.
/// </summary>
public static class UpdateStarter
{
    /// <summary>The update of <paramref name="current"/> to <paramref name="proposed"/>, or why not.</summary>
    public static StartResult Start(UpdateRequest request, JobSpec current, IReadOnlyList<ScheduledTask> jobTasks)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(jobTasks);
        var proposed = request.Restart ? current : request.Job;
        if (request.Settings.Problem() is { } problem) return new StartResult.Refused("settings." + problem);
        var span = Math.Max(current.Instances, proposed.Instances);
        if (request.Instances is { } scope && scope.FirstOrDefault(i => i < 0 || i >= span, -1) is var bad and >= 0)
        {
            return new StartResult.Refused(request.Restart
                ? string.Create(CultureInfo.InvariantCulture,
                    $"instances: instance {bad} does not exist (the job has instances 0-{current.Instances - 1})")
                : string.Create(CultureInfo.InvariantCulture,
                    $"instances: instance {bad} is in neither the job (0-{current.Instances - 1}) "
                    + $"nor the new config (0-{proposed.Instances - 1})"));
        }
        var inScope = request.Instances is { } s ? s.ToHashSet() : null;
        if (FinalCount(current.Instances, proposed.Instances, span, inScope) is not { } count)
        {
            return new StartResult.Refused(
                "instances: the update would leave a gap (an instance without a task below one "
                + "that keeps running); take every instance above it into the update too");
        }
        var active = jobTasks.Where(t => t.Spec.Job == current.Key && t.Status.IsActive())
            .GroupBy(t => t.Spec.InstanceId).ToDictionary(g => g.Key, g => g.MaxBy(InstanceEvaluator.Created)!);
        var working = Enumerable.Range(0, span).Where(i => inScope?.Contains(i) ?? true)
            .Where(i => request.Restart ? active.ContainsKey(i)
                : Changes(active.GetValueOrDefault(i), i < proposed.Instances ? proposed.Instance(i) : null)).ToList();
        if (working.Count == 0)
        {
            return new StartResult.NoChange(request.Restart
                ? "nothing to restart: no instance in scope has an active task"
                : "nothing to update: every instance in scope already runs this config");
        }
        return new StartResult.Started(Create(request, current, proposed with { Instances = count }, working, active),
            proposed with { Instances = Math.Max(current.Instances, count) });
    }

    private static JobUpdate Create(UpdateRequest request, JobSpec current, JobSpec to, List<int> working,
        Dictionary<int, ScheduledTask> active)
    {
        var now = request.Now;
        var pulse = request.Settings.PulseIntervalSecs is not null;
        var what = (request.Restart ? "restarting " : "updating ") + Wording.Plural(working.Count, "instance")
            + (string.IsNullOrWhiteSpace(request.Message) ? "" : ": " + request.Message.Trim());
        var status = pulse ? UpdateStatus.ROLL_FORWARD_AWAITING_PULSE : UpdateStatus.ROLLING_FORWARD;
        return new JobUpdate(request.Id, current.Key, request.Settings, current, Groups(working, active), to, status,
            [.. working.Select(i => new InstanceProgress(i, InstancePhase.Waiting))],
            [new UpdateEvent(now, status, pulse ? what + "; waiting for the first pulse" : what)], [], now,
            string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim(), Restart: request.Restart);
    }

    private static bool Changes(ScheduledTask? active, TaskSpec? desired) =>
        active is null ? desired is not null : desired is null || !active.Spec.SameConfig(desired);

    /// <summary>The instance count after the update, or null when the instances left would not be 0..N-1.</summary>
    private static int? FinalCount(int before, int after, int span, HashSet<int>? scope)
    {
        var count = 0;
        var gap = false;
        for (var i = 0; i < span; i++)
        {
            var exists = scope is null || scope.Contains(i) ? i < after : i < before;
            if (exists && gap) return null;
            if (exists) count = i + 1;
            else gap = true;
        }
        return count;
    }

    private static ImmutableArray<ConfigGroup> Groups(List<int> working, Dictionary<int, ScheduledTask> active)
    {
        var groups = new List<(TaskSpec Config, List<int> Instances)>();
        foreach (var i in working)
        {
            if (!active.TryGetValue(i, out var task)) continue;
            var group = groups.FindIndex(g => g.Config.SameConfig(task.Spec));
            if (group < 0) groups.Add((task.Spec with { InstanceId = 0 }, [i]));
            else groups[group].Instances.Add(i);
        }
        return [.. groups.Select(g => new ConfigGroup(g.Config, [.. g.Instances]))];
    }
}

/// <summary>
/// What starting an update asks: its id and time, the new job, settings, scope (null: all) and message.
/// </summary>
/// <remarks>
/// A restart (<see cref="Restart"/>) keeps every config and replaces each instance's task;
/// <see cref="Job"/> is ignored.
/// </remarks>
public sealed record UpdateRequest(
    string Id, JobSpec Job, UpdateSettings Settings, IReadOnlyList<int>? Instances, DateTimeOffset Now,
    string? Message = null, bool Restart = false);

/// <summary>What <see cref="UpdateStarter.Start"/> came to.</summary>
public abstract record StartResult
{
    /// <summary>
    /// The new update, and the job's spec while it runs (the new config, counting every instance either has).
    /// </summary>
    public sealed record Started(JobUpdate Update, JobSpec JobDuring) : StartResult;

    /// <summary>Every instance in scope already runs the new config: no update (Aurora's no-op update).</summary>
    public sealed record NoChange(string Message) : StartResult;

    /// <summary>The request breaks a rule (field: rule); nothing changed.</summary>
    public sealed record Refused(string Problem) : StartResult;
}
