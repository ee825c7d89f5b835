using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tessera.Jobs.Scheduling;
using Tessera.State;

namespace Tessera.Jobs.Store;

/// <summary>
/// The scheduler's durable state on an <see cref="IKeyValueStore"/> (SQLite by default): job specs,
/// tasks with their state history, each job's updates (rolling restarts included), cron jobs, and the framework id. Writes are batches of compare-and-set
/// operations applied all or nothing; a lost race comes back as a failed <see cref="CommitResult"/>
/// naming the key (the scheduler then reloads: another writer owns the state).
/// </summary>
public sealed class JobStore
{
    /// <summary>The layout this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private const int MaxAttempts = 16;

    private readonly IKeyValueStore _store;

    private JobStore(IKeyValueStore store) => _store = store;

    /// <summary>Opens the job store in <paramref name="store"/>, writing the format marker on first use; the store stays the caller's.</summary>
    /// <exception cref="InvalidOperationException">The store holds another format version.</exception>
    public static async Task<JobStore> OpenAsync(IKeyValueStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(JobStoreKeys.Format, cancellationToken).ConfigureAwait(false);
            if (current is not null)
            {
                var format = Decode(JobStoreKeys.Format, current.Value, JobStoreJsonContext.Default.StoredFormat);
                if (format.Version != FormatVersion)
                    throw new InvalidOperationException(
                        $"job store format version {format.Version} is not supported; this build reads version {FormatVersion}");
                return new JobStore(store);
            }
            var marker = Encode(new StoredFormat(FormatVersion), JobStoreJsonContext.Default.StoredFormat);
            var result = await store.PutAsync(JobStoreKeys.Format, marker, ExpectVersion.Absent, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
                return new JobStore(store);
        }
        throw new InvalidOperationException($"could not write the job store format marker after {MaxAttempts} attempts");
    }

    /// <summary>Everything, from one consistent listing (the scheduler's state at start).</summary>
    public async Task<JobStoreSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var entries = await _store.ListAsync(JobStoreKeys.Root, cancellationToken).ConfigureAwait(false);
        var jobs = ImmutableSortedDictionary.CreateBuilder<string, Versioned<JobSpec>>(StringComparer.Ordinal);
        var tasks = ImmutableSortedDictionary.CreateBuilder<string, Versioned<ScheduledTask>>(StringComparer.Ordinal);
        var updates = ImmutableSortedDictionary.CreateBuilder<string, Versioned<Updates.JobUpdate>>(StringComparer.Ordinal);
        var crons = ImmutableSortedDictionary.CreateBuilder<string, Versioned<Cron.CronJob>>(StringComparer.Ordinal);
        Versioned<string>? frameworkId = null;
        foreach (var entry in entries)
        {
            if (entry.Key.StartsWith(JobStoreKeys.SpecsPrefix, StringComparison.Ordinal))
            {
                var job = Decode(entry.Key, entry.Value, JobStoreJsonContext.Default.JobSpec);
                jobs[job.Key.ToString()] = new Versioned<JobSpec>(job, entry.Version);
            }
            else if (entry.Key.StartsWith(JobStoreKeys.TasksPrefix, StringComparison.Ordinal))
            {
                var task = Decode(entry.Key, entry.Value, JobStoreJsonContext.Default.ScheduledTask);
                tasks[task.TaskId] = new Versioned<ScheduledTask>(task, entry.Version);
            }
            else if (entry.Key.StartsWith(JobStoreKeys.UpdatesPrefix, StringComparison.Ordinal))
            {
                var update = Decode(entry.Key, entry.Value, JobStoreJsonContext.Default.JobUpdate);
                updates[$"{update.Job}/{update.Id}"] = new Versioned<Updates.JobUpdate>(update, entry.Version);
            }
            else if (entry.Key.StartsWith(JobStoreKeys.CronPrefix, StringComparison.Ordinal))
            {
                var cron = Decode(entry.Key, entry.Value, JobStoreJsonContext.Default.CronJob);
                crons[cron.Key.ToString()] = new Versioned<Cron.CronJob>(cron, entry.Version);
            }
            else if (entry.Key == JobStoreKeys.FrameworkId)
            {
                var stored = Decode(entry.Key, entry.Value, JobStoreJsonContext.Default.StoredFrameworkId);
                frameworkId = new Versioned<string>(stored.FrameworkId, entry.Version);
            }
        }
        return new JobStoreSnapshot(frameworkId, jobs.ToImmutable(), tasks.ToImmutable(), updates.ToImmutable(), crons.ToImmutable());
    }

    /// <summary>
    /// Applies <paramref name="writes"/> all or nothing. On success every entry put has the
    /// returned <see cref="CommitResult.Revision"/> as its new version.
    /// </summary>
    /// <exception cref="ArgumentException">A write is malformed (empty id, a key twice); nothing is written.</exception>
    public Task<CommitResult> CommitAsync(IReadOnlyList<JobStoreWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var operations = writes.Select(ToOperation).ToArray();
        return _store.CommitAsync(operations, cancellationToken);
    }

    /// <summary>Creates a job and its first tasks; fails (writing nothing) if the job or a task id exists.</summary>
    public Task<CommitResult> CreateJobAsync(JobSpec job, IReadOnlyList<ScheduledTask> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(tasks);
        JobStoreWrite[] writes =
        [
            new JobStoreWrite.PutJob(job, ExpectVersion.Absent),
            .. tasks.Select(t => new JobStoreWrite.PutTask(t, ExpectVersion.Absent)),
        ];
        return CommitAsync(writes, cancellationToken);
    }

    /// <summary>Writes one task (a state change) if its stored version is still <paramref name="expected"/>.</summary>
    public Task<CommitResult> SaveTaskAsync(ScheduledTask task, ExpectVersion expected, CancellationToken cancellationToken) =>
        CommitAsync([new JobStoreWrite.PutTask(task, expected)], cancellationToken);

    /// <summary>Records the framework id the master gave.</summary>
    public Task<CommitResult> SetFrameworkIdAsync(string frameworkId, ExpectVersion expected, CancellationToken cancellationToken) =>
        CommitAsync([new JobStoreWrite.PutFrameworkId(frameworkId, expected)], cancellationToken);

    private static StoreOperation ToOperation(JobStoreWrite write) => write switch
    {
        JobStoreWrite.PutJob put => StoreOperation.Put(
            JobStoreKeys.Spec(put.Job.Key), Encode(put.Job, JobStoreJsonContext.Default.JobSpec), put.Expected),
        JobStoreWrite.DeleteJob delete => StoreOperation.Delete(JobStoreKeys.Spec(delete.Key), delete.Expected),
        JobStoreWrite.PutTask put => StoreOperation.Put(
            JobStoreKeys.Task(put.Task.TaskId), Encode(put.Task, JobStoreJsonContext.Default.ScheduledTask), put.Expected),
        JobStoreWrite.DeleteTask delete => StoreOperation.Delete(JobStoreKeys.Task(delete.TaskId), delete.Expected),
        JobStoreWrite.PutUpdate put => StoreOperation.Put(JobStoreKeys.Update(put.Update.Job, put.Update.Id),
            Encode(put.Update, JobStoreJsonContext.Default.JobUpdate), put.Expected),
        JobStoreWrite.DeleteUpdate delete => StoreOperation.Delete(JobStoreKeys.Update(delete.Key, delete.UpdateId), delete.Expected),
        JobStoreWrite.PutCron put => StoreOperation.Put(JobStoreKeys.Cron(put.Cron.Key),
            Encode(put.Cron, JobStoreJsonContext.Default.CronJob), put.Expected),
        JobStoreWrite.DeleteCron delete => StoreOperation.Delete(JobStoreKeys.Cron(delete.Key), delete.Expected),
        JobStoreWrite.PutFrameworkId put => StoreOperation.Put(JobStoreKeys.FrameworkId,
            Encode(new StoredFrameworkId(Required(put.FrameworkId, "framework id")), JobStoreJsonContext.Default.StoredFrameworkId),
            put.Expected),
        _ => throw new ArgumentException($"unknown job store write {write.GetType().Name}", nameof(write)),
    };

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{field} must not be empty", nameof(value)) : value;

    internal static byte[] Encode<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private static T Decode<T>(string key, ReadOnlyMemory<byte> bytes, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes.Span, typeInfo)
                ?? throw new InvalidDataException($"job store entry '{key}' holds JSON null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"job store entry '{key}' is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }
}
