using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Host;

/// <summary>How <c>tessera jobs</c> runs: where the master is, where its state lives, how it launches tasks.</summary>
public sealed record JobsSchedulerOptions
{
    /// <summary>The Mesos framework name.</summary>
    public const string DefaultFrameworkName = "tessera-jobs";

    /// <summary>The master's address (a non-leader redirects).</summary>
    public required Uri Master { get; init; }

    /// <summary>Where the job store (<c>jobs.db</c>, SQLite) lives.</summary>
    public required string DataDir { get; init; }

    public string FrameworkName { get; init; } = DefaultFrameworkName;

    /// <summary>Roles subscribed to (MULTI_ROLE); <c>*</c> by default.</summary>
    public IReadOnlyList<string> Roles { get; init; } = ["*"];

    /// <summary>How long the master keeps the framework's tasks while the scheduler is away (Aurora: a week).</summary>
    public TimeSpan FailoverTimeout { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The process-tree executor's command; null runs plain command tasks.</summary>
    public string? ThermosExecutor { get; init; }

    /// <summary>
    /// What the process-tree executor itself gets per task, on top of the task's own resources
    /// (Aurora adds 0.25 cpus and 128 MB): a .NET executor cannot live in a task's 32 MB.
    /// </summary>
    public TaskResources ExecutorOverhead { get; init; } = new(0.1, 128, 0);

    /// <summary>The user tasks run as (empty: the agent's user).</summary>
    public string User { get; init; } = Environment.UserName;

    /// <summary>How often timers (throttle expiry, transient timeouts, rolling restarts) are checked.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the scheduler asks the master for the state of all its tasks (implicit reconciliation; Aurora: hourly).</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The flapping penalty (Aurora's defaults: under 5 min is a flap; 30 s doubling to 5 min).</summary>
    public FlappingSettings Flapping { get; init; } = FlappingSettings.Default;

    /// <summary>How long ended tasks are kept (Aurora's history flags and defaults: 1 h at least, 2 days at most, 100 per job).</summary>
    public TaskHistoryPolicy History { get; init; } = TaskHistoryPolicy.Default;

    /// <summary>How long to wait before subscribing again after the stream is lost.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The refuse filter on declined offers while something is pending (short, so reasons stay fresh).</summary>
    public TimeSpan DeclineWhilePending { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The time zone cron schedules are read in (Aurora's <c>-cron_timezone</c>, GMT by default).</summary>
    public TimeZoneInfo CronTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The database file.</summary>
    public string DatabasePath => Path.Combine(DataDir, "jobs.db");
}
