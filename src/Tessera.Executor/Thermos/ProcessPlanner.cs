namespace Tessera.Executor.Thermos;

/// <summary>
/// The Thermos decision logic, pure: given the task's state and the time, what to start, what to
/// signal and when the task moves on. No processes, no files, no clock of its own.
/// </summary>
public static class ProcessPlanner
{
    /// <summary>How long CLEANING waits after SIGTERM before SIGKILL (never past the finalization deadline).</summary>
    public static readonly TimeSpan TerminateGrace = TimeSpan.FromSeconds(5);

    /// <summary>What to do at <paramref name="now"/>. Phase changes come alone or last; the runner applies them and decides again.</summary>
    public static Plan Decide(TaskSnapshot snapshot, DateTimeOffset now) => snapshot.Phase switch
    {
        TaskPhase.Active => Active(snapshot, now),
        TaskPhase.Cleaning => Cleaning(snapshot, now),
        TaskPhase.Finalizing => Finalizing(snapshot, now),
        _ => Plan.Idle,
    };

    private static Plan Active(TaskSnapshot s, DateTimeOffset now)
    {
        var task = s.Task;
        if (s.KillRequested) return Teardown(TaskOutcome.Killed, "killed");
        if (s.FailRequested is { } unhealthy) return Teardown(TaskOutcome.Failed, unhealthy);

        var required = task.Processes.Where(p => !p.Final && !p.Ephemeral).ToList();
        var failed = required.Where(p => s[p.Name].Status == ProcessStatus.Failed).ToList();
        if (task.MaxFailures > 0 && failed.Count >= task.MaxFailures)
            return Teardown(TaskOutcome.Failed, Failure(s, failed));

        if (required.All(p => s[p.Name].Status is ProcessStatus.Succeeded or ProcessStatus.Failed))
            return Teardown(TaskOutcome.Succeeded, failed.Count == 0
                ? "all processes succeeded"
                : $"all processes finished; {Failure(s, failed)} (within the task's max_failures {task.MaxFailures})");

        var graph = ProcessGraph.Of(task);
        foreach (var p in required)
            if (BlockedBy(s, graph, p.Name) is { } blocker)
                return Teardown(TaskOutcome.Failed, $"deadlocked: process '{p.Name}' waits for '{blocker}', which will not succeed");

        return Starts(s, graph, task.Processes.Where(p => !p.Final), now);
    }

    private static Plan Cleaning(TaskSnapshot s, DateTimeOffset now)
    {
        var deadline = s.Deadline ?? now;
        var actions = new List<PlanAction>();
        DateTimeOffset? wake = null;
        var anyRunning = false;
        foreach (var p in s.Task.Processes.Where(p => !p.Final))
        {
            var r = s[p.Name];
            if (!r.IsRunning) continue;
            anyRunning = true;
            if (r.TerminatedAt is null)
            {
                actions.Add(new TerminateProcess(p.Name));
                wake = Min(wake, Min(now + TerminateGrace, deadline));
            }
            else if (!r.KillSent)
            {
                var at = Min(r.TerminatedAt.Value + TerminateGrace, deadline);
                if (now >= at) actions.Add(new KillProcess(p.Name));
                else wake = Min(wake, at);
            }
        }

        return anyRunning ? new Plan(actions, wake) : new Plan([new BeginFinalizing()], null);
    }

    private static Plan Finalizing(TaskSnapshot s, DateTimeOffset now)
    {
        var deadline = s.Deadline ?? now;
        var finals = s.Task.Processes.Where(p => p.Final).ToList();
        var running = finals.Where(p => s[p.Name].IsRunning).ToList();
        if (now >= deadline)
        {
            if (running.Count == 0) return End(s);
            return new Plan([.. running.Where(p => !s[p.Name].KillSent).Select(p => new KillProcess(p.Name))], null);
        }

        var graph = ProcessGraph.Of(s.Task);
        var pending = finals.Where(p => s[p.Name].Status == ProcessStatus.Waiting && BlockedBy(s, graph, p.Name) is null).ToList();
        if (running.Count == 0 && pending.Count == 0) return End(s);

        var plan = Starts(s, graph, finals, now);
        return plan with { WakeAt = Min(plan.WakeAt, deadline) };
    }

    /// <summary>Starts every waiting candidate whose predecessors succeeded and whose min_duration has passed, within max_concurrency.</summary>
    private static Plan Starts(TaskSnapshot s, ProcessGraph graph, IEnumerable<ThermosProcess> candidates, DateTimeOffset now)
    {
        var limit = s.Task.MaxConcurrency;
        var room = limit == 0 ? int.MaxValue : limit - s.Processes.Values.Count(r => r.IsRunning);
        var actions = new List<PlanAction>();
        DateTimeOffset? wake = null;
        foreach (var p in candidates)
        {
            var r = s[p.Name];
            if (r.Status != ProcessStatus.Waiting) continue;
            if (!graph.Before(p.Name).All(b => s[b].Status == ProcessStatus.Succeeded)) continue;
            if (r.LastStartedAt is { } last && last + p.MinDuration > now)
            {
                wake = Min(wake, last + p.MinDuration);
                continue;
            }

            if (room <= 0) break;
            actions.Add(new StartProcess(p.Name));
            room--;
        }

        return new Plan(actions, wake);
    }

    /// <summary>The ended task: killed if a kill came, failed if processes failed beyond the task's max_failures (finals included).</summary>
    private static Plan End(TaskSnapshot s)
    {
        if (s.KillRequested) return new Plan([new EndTask(TaskOutcome.Killed, s.Outcome == TaskOutcome.Killed || s.Message is null ? "killed" : "killed; " + s.Message)], null);
        if (s.Outcome == TaskOutcome.Succeeded && s.Task.MaxFailures > 0)
        {
            var failed = s.Task.Processes.Where(p => !p.Ephemeral && s[p.Name].Status == ProcessStatus.Failed).ToList();
            if (failed.Count >= s.Task.MaxFailures) return new Plan([new EndTask(TaskOutcome.Failed, Failure(s, failed))], null);
        }

        return new Plan([new EndTask(s.Outcome ?? TaskOutcome.Succeeded, s.Message ?? "ended")], null);
    }

    /// <summary>A predecessor (direct or not) of <paramref name="name"/> that can no longer succeed, if <paramref name="name"/> still waits.</summary>
    private static string? BlockedBy(TaskSnapshot s, ProcessGraph graph, string name) =>
        s[name].Status != ProcessStatus.Waiting
            ? null
            : graph.AllBefore(name).Where(b => s[b].Status is ProcessStatus.Failed or ProcessStatus.Killed).Order(StringComparer.Ordinal).FirstOrDefault();

    private static string Failure(TaskSnapshot s, IReadOnlyList<ThermosProcess> failed) =>
        string.Join("; ", failed.Select(p =>
        {
            var r = s[p.Name];
            return $"process '{p.Name}' failed {r.Failures} time(s) (max_failures {p.MaxFailures}), last exit status {r.LastExitCode}";
        }));

    private static Plan Teardown(TaskOutcome outcome, string message) => new([new BeginTeardown(outcome, message)], null);

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
