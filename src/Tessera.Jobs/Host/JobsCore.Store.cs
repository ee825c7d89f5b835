using Tessera.Jobs.Cron;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Store;
using Tessera.Jobs.Updates;
using Tessera.State;

namespace Tessera.Jobs.Host;

/// <summary>The store side of <see cref="JobsCore"/>: conditional writes built from what memory holds, and the commit.</summary>
internal sealed partial class JobsCore
{
    private string NewTaskId(TaskSpec spec) => TaskIds.Make(spec.Job, spec.InstanceId, ids());

    private JobStoreWrite Put(ScheduledTask task) =>
        new JobStoreWrite.PutTask(task, _tasks.TryGetValue(task.TaskId, out var v) ? ExpectVersion.Exactly(v.Version) : ExpectVersion.Absent);

    private JobStoreWrite Put(JobSpec job) =>
        new JobStoreWrite.PutJob(job, _jobs.TryGetValue(job.Key, out var v) ? ExpectVersion.Exactly(v.Version) : ExpectVersion.Absent);

    private JobStoreWrite Delete(ScheduledTask task) => new JobStoreWrite.DeleteTask(task.TaskId, ExpectVersion.Exactly(_tasks[task.TaskId].Version));

    /// <summary>Commits <paramref name="writes"/> all or nothing, then applies them to memory.</summary>
    /// <exception cref="InvalidOperationException">Another writer changed the store (the scheduler must restart and reload).</exception>
    private async Task CommitAsync(IReadOnlyList<JobStoreWrite> writes, CancellationToken ct)
    {
        if (writes.Count == 0) return;
        var result = await store.CommitAsync(writes, ct);
        if (!result.Succeeded)
            throw new InvalidOperationException($"the job store changed under the scheduler at '{result.Conflict?.Key}': another scheduler writes to it");
        foreach (var write in writes)
        {
            switch (write)
            {
                case JobStoreWrite.PutTask put:
                    _tasks[put.Task.TaskId] = new Versioned<ScheduledTask>(put.Task, result.Revision);
                    break;
                case JobStoreWrite.DeleteTask delete:
                    _tasks.Remove(delete.TaskId);
                    _pending.Remove(delete.TaskId);
                    break;
                case JobStoreWrite.PutJob put:
                    _jobs[put.Job.Key] = new Versioned<JobSpec>(put.Job, result.Revision);
                    break;
                case JobStoreWrite.DeleteJob delete:
                    _jobs.Remove(delete.Key);
                    break;
                case JobStoreWrite.PutUpdate put:
                    _updates[UpdateKey(put.Update)] = new Versioned<JobUpdate>(put.Update, result.Revision);
                    break;
                case JobStoreWrite.DeleteUpdate delete:
                    _updates.Remove($"{delete.Key}/{delete.UpdateId}");
                    break;
                case JobStoreWrite.PutCron put:
                    _crons[put.Cron.Key] = new Versioned<Cron.CronJob>(put.Cron, result.Revision);
                    break;
                case JobStoreWrite.DeleteCron delete:
                    _crons.Remove(delete.Key);
                    break;
                case JobStoreWrite.PutFrameworkId put:
                    _frameworkId = new Versioned<string>(put.FrameworkId, result.Revision);
                    _frameworkIdVersion = result.Revision;
                    break;
            }
        }
    }
}
