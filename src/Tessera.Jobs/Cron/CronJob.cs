using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Cron;

/// <summary>What a cron job does when a run is due while the previous one is still active (Aurora's names).</summary>
public enum CollisionPolicy
{
    /// <summary>Kill the previous run, then start the new one (Aurora's default).</summary>
    KILL_EXISTING,

    /// <summary>Let the previous run go on; the new one is skipped (and said so).</summary>
    CANCEL_NEW,
}

/// <summary>
/// One run of a cron job, or one that did not happen: the time it was due, when it was launched
/// (null: it was not), and what became of it (launched, skipped and why, missed while the scheduler
/// was down).
/// </summary>
public sealed record CronRun(DateTimeOffset DueAt, DateTimeOffset? LaunchedAt, string Note);

/// <summary>
/// A cron job as stored: the job each run launches, its schedule and collision policy, how far the
/// schedule has been followed (<see cref="Cursor"/>: the latest due time acted on), a run waiting
/// for the previous one's tasks to end (KILL_EXISTING), and the last runs.
/// </summary>
public sealed record CronJob(
    JobSpec Job,
    string Schedule,
    CollisionPolicy Policy,
    DateTimeOffset Cursor,
    ImmutableArray<CronRun> Runs,
    DateTimeOffset? WaitingRun = null)
{
    /// <summary>How many past runs are kept.</summary>
    public const int RunsKept = 10;

    [System.Text.Json.Serialization.JsonIgnore]
    public JobKey Key => Job.Key;

    /// <summary>The job with <paramref name="run"/> recorded (the oldest dropped past <see cref="RunsKept"/>).</summary>
    public CronJob With(CronRun run)
    {
        var runs = Runs.IsDefault ? [run] : Runs.Add(run);
        return this with { Runs = runs.Length > RunsKept ? runs[^RunsKept..] : runs };
    }
}
