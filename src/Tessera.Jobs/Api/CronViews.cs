using System.Collections.Immutable;
using Tessera.Jobs.Cron;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>
/// The body of <c>POST …/cron</c>: the job each run launches, its schedule (5 fields) and what a run
/// due while the previous one is active does.
/// </summary>
public sealed record CronRequest(JobSpec Job, string Schedule, CollisionPolicy CollisionPolicy = CollisionPolicy.KILL_EXISTING);

/// <summary>
/// <c>cron show</c>: the schedule, the policy, the time zone it is read in, the next 3 run times,
/// a run waiting for the previous one to be killed, the last runs (launched, skipped or missed, with
/// why) and how many tasks of the job are active now.
/// </summary>
public sealed record CronStatus(
    string Key,
    string Schedule,
    CollisionPolicy CollisionPolicy,
    string TimeZone,
    int Instances,
    ImmutableArray<DateTimeOffset> NextRuns,
    DateTimeOffset? WaitingRun,
    ImmutableArray<CronRun> Runs,
    int ActiveTasks);
