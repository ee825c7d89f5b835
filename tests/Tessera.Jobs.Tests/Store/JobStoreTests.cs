using System.Collections.Immutable;
using System.Text;
using Tessera.Core.Protocol;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Store;
using Tessera.Jobs.Tests.Scheduling;
using Tessera.State;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;

namespace Tessera.Jobs.Tests.Store;

public sealed class JobStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    private static JobSpec Job() => new(
        Fixtures.Job("billing"), 3,
        Spec(Fixtures.Job("billing"), cpus: 0.25, ram: 2048, disk: 512, ports: ["http", "health"],
            constraints: Map(("rack", "limit:1"), ("zone", "!west")), service: true, maxFailures: 3, priority: 2,
            partition: new PartitionPolicy(false, 30)));

    private static string Json(ScheduledTask task) => Encoding.UTF8.GetString(JobStore.Encode(task, JobStoreJsonContext.Default.ScheduledTask));

    private static string Json(JobSpec job) => Encoding.UTF8.GetString(JobStore.Encode(job, JobStoreJsonContext.Default.JobSpec));

    private static ScheduledTask[] Tasks(JobSpec job) =>
        Enumerable.Range(0, job.Instances).Select(i => Pending(job.Instance(i), $"billing-{i}")).ToArray();

    [Fact]
    public async Task RoundTripsJobsTasksHistoryAndFrameworkId()
    {
        await using var kv = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, _ct);
        var store = await JobStore.OpenAsync(kv, _ct);
        var job = Job();
        var tasks = Tasks(job);
        Assert.True((await store.CreateJobAsync(job, tasks, _ct)).Succeeded);
        Assert.True((await store.SetFrameworkIdAsync("fw-1", ExpectVersion.Absent, _ct)).Succeeded);

        var loaded = await store.LoadAsync(_ct);

        Assert.Equal("fw-1", loaded.FrameworkId!.Value);
        var storedJob = Assert.Single(loaded.Jobs);
        Assert.Equal("devcluster/www-data/prod/billing", storedJob.Key);
        Assert.Equal(Json(job), Json(storedJob.Value.Value));
        Assert.Equal(job.Key, storedJob.Value.Value.Key);
        Assert.Equal(["billing-0", "billing-1", "billing-2"], loaded.Tasks.Keys);
        Assert.All(tasks, t => Assert.Equal(Json(t), Json(loaded.Tasks[t.TaskId].Value)));
        var spec = loaded.Tasks["billing-1"].Value.Spec;
        Assert.Equal(1, spec.InstanceId);
        Assert.Equal(["http", "health"], spec.Ports.ToArray());
        Assert.Equal("!west", spec.Constraints["zone"]);
        Assert.Equal(new PartitionPolicy(false, 30), spec.PartitionPolicy);
        Assert.Equal(new TaskResources(0.25, 2048, 512), spec.Resources);
    }

    [Fact]
    public async Task SurvivesReopening()
    {
        var job = Job();
        ScheduledTask running;
        long version;
        await using (var kv = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, _ct))
        {
            var store = await JobStore.OpenAsync(kv, _ct);
            var tasks = Tasks(job);
            var created = await store.CreateJobAsync(job, tasks, _ct);
            running = Walk(tasks[0], T0, ScheduleStatus.ASSIGNED, ScheduleStatus.STARTING, ScheduleStatus.RUNNING);
            running = TaskStateMachine.ApplyUpdate(running, TaskState.TASK_FAILED, T0.AddMinutes(1), "exit 1").Task;
            var saved = await store.SaveTaskAsync(running, ExpectVersion.Exactly(created.Revision), _ct);
            Assert.True(saved.Succeeded);
            version = saved.Revision;
            await store.SetFrameworkIdAsync("fw-42", ExpectVersion.Absent, _ct);
        }

        await using (var kv = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, _ct))
        {
            var store = await JobStore.OpenAsync(kv, _ct);
            var loaded = await store.LoadAsync(_ct);
            Assert.Equal("fw-42", loaded.FrameworkId!.Value);
            Assert.Single(loaded.Jobs);
            var task = loaded.Tasks[running.TaskId];
            Assert.Equal(version, task.Version);
            Assert.Equal(Json(running), Json(task.Value));
            Assert.Equal(ScheduleStatus.FAILED, task.Value.Status);
            Assert.Equal(
                [ScheduleStatus.INIT, ScheduleStatus.PENDING, ScheduleStatus.ASSIGNED, ScheduleStatus.STARTING, ScheduleStatus.RUNNING, ScheduleStatus.FAILED],
                task.Value.Events.Select(e => e.Status));
            Assert.Equal("TASK_FAILED: exit 1", task.Value.Events[^1].Message);
            Assert.Equal(T0.AddMinutes(1), task.Value.Events[^1].At);
            Assert.Equal("agent-1", task.Value.AgentId);
        }
    }

    [Fact]
    public async Task StaleWriteIsRefusedAndBatchesAreAllOrNothing()
    {
        await using var kv = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, _ct);
        var store = await JobStore.OpenAsync(kv, _ct);
        var job = Job();
        var tasks = Tasks(job);
        var created = await store.CreateJobAsync(job, tasks, _ct);
        var assigned = Walk(tasks[0], T0, ScheduleStatus.ASSIGNED);
        Assert.True((await store.SaveTaskAsync(assigned, ExpectVersion.Exactly(created.Revision), _ct)).Succeeded);

        // A second writer still holding the first version loses, and its other write is not applied.
        var killed = TaskStateMachine.Kill(tasks[1], T0, "user");
        var stale = await store.CommitAsync(
            [
                new JobStoreWrite.DeleteTask(tasks[1].TaskId, ExpectVersion.Exactly(created.Revision)),
                new JobStoreWrite.PutTask(Walk(tasks[0], T0, ScheduleStatus.ASSIGNED, ScheduleStatus.RUNNING), ExpectVersion.Exactly(created.Revision)),
            ], _ct);

        Assert.IsType<TransitionResult.Deleted>(killed);
        Assert.False(stale.Succeeded);
        Assert.Equal(JobStoreKeys.Task(tasks[0].TaskId), stale.Conflict!.Key);
        var loaded = await store.LoadAsync(_ct);
        Assert.Equal(3, loaded.Tasks.Count);
        Assert.Equal(ScheduleStatus.ASSIGNED, loaded.Tasks[tasks[0].TaskId].Value.Status);
    }

    [Fact]
    public async Task CreatingAJobTwiceFails()
    {
        await using var kv = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, _ct);
        var store = await JobStore.OpenAsync(kv, _ct);
        var job = Job();
        Assert.True((await store.CreateJobAsync(job, Tasks(job), _ct)).Succeeded);
        var again = await store.CreateJobAsync(job with { Instances = 5 }, [], _ct);
        Assert.False(again.Succeeded);
        Assert.Equal(JobStoreKeys.Spec(job.Key), again.Conflict!.Key);
        Assert.Equal(3, (await store.LoadAsync(_ct)).Jobs.Single().Value.Value.Instances);
    }

    [Fact]
    public async Task DeletesAJobAndItsTasks()
    {
        await using var kv = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, _ct);
        var store = await JobStore.OpenAsync(kv, _ct);
        var job = Job();
        var tasks = Tasks(job);
        var created = await store.CreateJobAsync(job, tasks, _ct);
        var expected = ExpectVersion.Exactly(created.Revision);
        JobStoreWrite[] deletes =
        [
            new JobStoreWrite.DeleteJob(job.Key, expected),
            .. tasks.Select(t => new JobStoreWrite.DeleteTask(t.TaskId, expected)),
        ];
        Assert.True((await store.CommitAsync(deletes, _ct)).Succeeded);
        var loaded = await store.LoadAsync(_ct);
        Assert.Empty(loaded.Jobs);
        Assert.Empty(loaded.Tasks);
    }

    [Fact]
    public async Task RefusesAnotherFormat()
    {
        await using var kv = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, _ct);
        await kv.PutAsync(JobStoreKeys.Format, Encoding.UTF8.GetBytes("{\"version\":99}"), ExpectVersion.Absent, _ct);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => JobStore.OpenAsync(kv, _ct));
        Assert.Contains("format version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyFrameworkIdIsRefusedBeforeWriting()
    {
        await using var kv = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, _ct);
        var store = await JobStore.OpenAsync(kv, _ct);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetFrameworkIdAsync(" ", ExpectVersion.Any, _ct));
        Assert.Null((await store.LoadAsync(_ct)).FrameworkId);
    }
}
