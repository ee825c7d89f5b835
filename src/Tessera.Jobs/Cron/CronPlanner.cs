using System.Globalization;

namespace Tessera.Jobs.Cron;

/// <summary>
/// When a cron job runs, decided from its stored state, <c>now</c> and whether its previous run is
/// still active (pure; the host launches, kills and stores):
/// <list type="bullet">
/// <item>a run waiting for the previous one's tasks to end (KILL_EXISTING) launches once none is
/// active;</item>
/// <item>due times since the cursor: the latest is acted on. More than one means the scheduler was
/// not there for the others (down, or restarting): they are recorded as missed, never run in a
/// burst — at most one missed run is made up;</item>
/// <item>with the previous run active, CANCEL_NEW skips the new run (recorded with why) and
/// KILL_EXISTING kills the previous run and launches when it is gone.</item>
/// </list>
/// </summary>
public static class CronPlanner
{
    public static CronDecision Decide(CronJob job, CronSchedule schedule, DateTimeOffset now, TimeZoneInfo zone, bool runActive)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(schedule);
        if (job.WaitingRun is { } waiting)
        {
            if (runActive) return new CronDecision(job, CronAction.None);
            var launched = job.With(new CronRun(waiting, now, "launched after the previous run was killed (KILL_EXISTING)"))
                with { WaitingRun = null };
            return new CronDecision(launched, CronAction.Launch);
        }
        var (count, latest) = schedule.Due(job.Cursor, now, zone);
        if (latest is not { } due) return new CronDecision(job, CronAction.None);
        var next = job with { Cursor = due };
        if (count > 1)
        {
            next = next.With(new CronRun(due, null, string.Create(CultureInfo.InvariantCulture,
                $"{count - 1} earlier run(s) missed while the scheduler was not running (since {job.Cursor:u}); only this one is made up")));
        }
        var late = now - due;
        return late > LateAfter
            ? Start(next, due, now, runActive, string.Create(CultureInfo.InvariantCulture,
                $"launched {late.TotalSeconds:0} s after its time (the scheduler was not running then)"))
            : Start(next, due, now, runActive);
    }

    /// <summary>Later than this after its time, a launch says so: on a running scheduler it is at most a tick (500 ms).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(5);

    /// <summary>A run asked for now (<c>cron start</c>), under the same collision policy.</summary>
    public static CronDecision StartNow(CronJob job, DateTimeOffset now, bool runActive)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.WaitingRun is not null
            ? new CronDecision(job, CronAction.None)
            : Start(job, now, now, runActive, "started on request");
    }

    private static CronDecision Start(CronJob job, DateTimeOffset due, DateTimeOffset now, bool runActive,
        string why = "launched at its time")
    {
        if (!runActive) return new CronDecision(job.With(new CronRun(due, now, why)), CronAction.Launch);
        return job.Policy == CollisionPolicy.CANCEL_NEW
            ? new CronDecision(job.With(new CronRun(due, null, "skipped: the previous run is still active (CANCEL_NEW)")),
                CronAction.None)
            : new CronDecision(job with { WaitingRun = due }, CronAction.KillPrevious);
    }
}

/// <summary>What the host does for a cron job now.</summary>
public enum CronAction
{
    None,

    /// <summary>Create the run's tasks (every instance, PENDING).</summary>
    Launch,

    /// <summary>Kill the previous run's active tasks; the new run waits in <see cref="CronJob.WaitingRun"/>.</summary>
    KillPrevious,
}

/// <summary>The cron job after the decision (the input itself when nothing changed) and what to do.</summary>
public sealed record CronDecision(CronJob Next, CronAction Action);
