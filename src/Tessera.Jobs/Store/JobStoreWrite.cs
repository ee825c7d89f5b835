using Tessera.Jobs.Scheduling;
using Tessera.State;

namespace Tessera.Jobs.Store;

/// <summary>
/// One conditional write of a <see cref="JobStore.CommitAsync"/> batch; <see cref="Expected"/> is
/// the version the writer last saw (<see cref="ExpectVersion.Absent"/> for new entries).
/// </summary>
public abstract record JobStoreWrite(ExpectVersion Expected)
{
    public sealed record PutJob(JobSpec Job, ExpectVersion Expected) : JobStoreWrite(Expected);

    public sealed record DeleteJob(JobKey Key, ExpectVersion Expected) : JobStoreWrite(Expected);

    public sealed record PutTask(ScheduledTask Task, ExpectVersion Expected) : JobStoreWrite(Expected);

    public sealed record DeleteTask(string TaskId, ExpectVersion Expected) : JobStoreWrite(Expected);

    public sealed record PutUpdate(Updates.JobUpdate Update, ExpectVersion Expected) : JobStoreWrite(Expected);

    public sealed record DeleteUpdate(JobKey Key, string UpdateId, ExpectVersion Expected) : JobStoreWrite(Expected);

    public sealed record PutCron(Cron.CronJob Cron, ExpectVersion Expected) : JobStoreWrite(Expected);

    public sealed record DeleteCron(JobKey Key, ExpectVersion Expected) : JobStoreWrite(Expected);

    public sealed record PutFrameworkId(string FrameworkId, ExpectVersion Expected) : JobStoreWrite(Expected);
}
