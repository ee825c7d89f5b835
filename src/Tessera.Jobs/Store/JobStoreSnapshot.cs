using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Store;

/// <summary>Everything in the job store, read from one consistent listing: jobs by key text, tasks by id, updates by key text and id (<c>key/id</c>), cron jobs by key text.</summary>
public sealed record JobStoreSnapshot(
    Versioned<string>? FrameworkId,
    ImmutableSortedDictionary<string, Versioned<JobSpec>> Jobs,
    ImmutableSortedDictionary<string, Versioned<ScheduledTask>> Tasks,
    ImmutableSortedDictionary<string, Versioned<Updates.JobUpdate>> Updates,
    ImmutableSortedDictionary<string, Versioned<Cron.CronJob>> Crons);
