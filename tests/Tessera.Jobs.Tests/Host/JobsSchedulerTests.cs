using System.Net;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Tests.Host;

/// <summary>The scheduler host end to end: a real master and agent in-process, the jobs server and its API.</summary>
public sealed class JobsSchedulerTests
{
    private static bool AllRunning(Tessera.Jobs.Api.JobStatus s, int count) =>
        s.InstanceStatuses.Length == count && s.InstanceStatuses.All(i => i.Status == ScheduleStatus.RUNNING);

    [Fact]
    public async Task ServiceOfThreeInstancesRunsOnTheAgent()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("sleepy", 3, "sleep 300");
        await cluster.CreateAsync(job);

        var status = await cluster.WaitAsync(job.Key, s => AllRunning(s, 3));

        Assert.All(status.InstanceStatuses, i => Assert.Equal(cluster.Fixture.Agent.AgentId, i.AgentId));
        Assert.Equal([0, 1, 2], status.InstanceStatuses.Select(i => i.Instance));
        Assert.Contains(status.InstanceStatuses[0].Events, e => e.Status == ScheduleStatus.ASSIGNED);
    }

    [Fact]
    public async Task CrashingServiceIsRescheduledThenThrottledForFlapping()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("crashy", 1, "sleep 1; exit 1");
        await cluster.CreateAsync(job);

        var status = await cluster.WaitAsync(job.Key, s => s.InstanceStatuses[0].Status == ScheduleStatus.THROTTLED);

        var instance = status.InstanceStatuses[0];
        Assert.StartsWith("throttled for flapping until ", instance.PendingReason);
        Assert.Equal(1, instance.FailureCount);
        Assert.Contains("rescheduled from", instance.Events[0].Message);
        var history = await cluster.Server!.Scheduler.AskAsync(core => core.History(job.Key, 0), default);
        var tasks = history.Value!.Tasks;
        Assert.Equal(2, tasks.Length);
        Assert.Equal(ScheduleStatus.FAILED, tasks[0].Status);
        Assert.Equal(tasks[0].TaskId, tasks[1].AncestorId);
    }

    [Fact]
    public async Task ABatchJobIsRetriedUpToMaxTaskFailuresThenStaysFailed()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("batch", 1, "echo try; exit 3", service: false, maxFailures: 2);
        await cluster.CreateAsync(job);

        var status = await cluster.WaitAsync(job.Key, s => s.InstanceStatuses[0].Status == ScheduleStatus.FAILED && s.InstanceStatuses[0].FailureCount == 1, seconds: 30);
        await Task.Delay(TimeSpan.FromSeconds(3)); // longer than the penalty: a third try would have started

        var history = (await cluster.Server!.Scheduler.AskAsync(core => core.History(job.Key, 0), default)).Value!.Tasks;
        Assert.Equal(2, history.Length);
        Assert.All(history, t => Assert.Equal(ScheduleStatus.FAILED, t.Status));
        Assert.Equal(history[0].TaskId, history[1].AncestorId);
        Assert.Contains("FAILED (1 of max_task_failures 2)", history[1].Events[0].Message, StringComparison.Ordinal);
        Assert.Equal(status.InstanceStatuses[0].TaskId, (await cluster.StatusAsync(job.Key)).InstanceStatuses[0].TaskId);
    }

    [Fact]
    public async Task AFinishedBatchTaskIsNotReplaced()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("once", 1, "true", service: false, maxFailures: 3);
        await cluster.CreateAsync(job);

        await cluster.WaitAsync(job.Key, s => s.InstanceStatuses[0].Status == ScheduleStatus.FINISHED);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var history = (await cluster.Server!.Scheduler.AskAsync(core => core.History(job.Key, 0), default)).Value!.Tasks;
        Assert.Equal(ScheduleStatus.FINISHED, Assert.Single(history).Status);
    }

    [Fact]
    public async Task AnInstanceThatCannotFitShowsWhyWithAmounts()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("huge", 1, "sleep 300", ramMb: 100_000);
        await cluster.CreateAsync(job);

        var status = await cluster.WaitAsync(job.Key, s => s.InstanceStatuses[0].PendingReason?.StartsWith("insufficient", StringComparison.Ordinal) == true);

        Assert.Equal(ScheduleStatus.PENDING, status.InstanceStatuses[0].Status);
        Assert.Equal("insufficient ram: asks 100000 MB, best agent has 1024 free", status.InstanceStatuses[0].PendingReason);
    }

    [Fact]
    public async Task RestartedSchedulerKeepsItsFrameworkIdAndTasks()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("durable", 2, "sleep 300");
        await cluster.CreateAsync(job);
        var before = await cluster.WaitAsync(job.Key, s => AllRunning(s, 2));
        var frameworkId = await cluster.Server!.Scheduler.Subscribed;

        await cluster.StopSchedulerAsync();
        await cluster.StartSchedulerAsync();

        Assert.Equal(frameworkId, await cluster.Server!.Scheduler.Subscribed);
        var after = await cluster.WaitAsync(job.Key, s => AllRunning(s, 2));
        Assert.Equal(before.InstanceStatuses.Select(i => i.TaskId), after.InstanceStatuses.Select(i => i.TaskId));
    }

    [Fact]
    public async Task KillEndsOneInstanceForGoodAndKillallRemovesTheJob()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("killable", 2, "sleep 300");
        await cluster.CreateAsync(job);
        await cluster.WaitAsync(job.Key, s => AllRunning(s, 2));

        using (var kill = await cluster.PostAsync($"/api/jobs/{job.Key}/kill", """{"instances":[0]}"""))
            Assert.Equal(HttpStatusCode.OK, kill.StatusCode);
        var status = await cluster.WaitAsync(job.Key, s => s.InstanceStatuses[0].Status == ScheduleStatus.KILLED);
        Assert.Equal(ScheduleStatus.RUNNING, status.InstanceStatuses[1].Status);
        await Task.Delay(500);
        Assert.Equal(ScheduleStatus.KILLED, (await cluster.StatusAsync(job.Key)).InstanceStatuses[0].Status);

        using (var killall = await cluster.PostAsync($"/api/jobs/{job.Key}/killall", ""))
            Assert.Equal(HttpStatusCode.OK, killall.StatusCode);
        var until = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode code;
        do
        {
            using var response = await new HttpClient().GetAsync(new Uri(cluster.Api, $"/api/jobs/{job.Key}"));
            code = response.StatusCode;
            if (code == HttpStatusCode.NotFound) break;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);
        Assert.Equal(HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task RestartReplacesEveryInstanceAndAddAppendsInstances()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("rolling", 2, "sleep 300");
        await cluster.CreateAsync(job);
        var before = await cluster.WaitAsync(job.Key, s => AllRunning(s, 2));

        using (var restart = await cluster.PostAsync($"/api/jobs/{job.Key}/restart", """{"batch_size":1,"watch_secs":1}"""))
            Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
        var after = await cluster.WaitAsync(job.Key, s => s.Update?.Status == Tessera.Jobs.Updates.UpdateStatus.ROLLED_FORWARD);
        Assert.True(AllRunning(after, 2));
        Assert.All(after.InstanceStatuses, i => Assert.DoesNotContain(before.InstanceStatuses, b => b.TaskId == i.TaskId));
        Assert.Equal("2 of 2 instances restarted", after.Update!.Reason);

        using (var add = await cluster.PostAsync($"/api/jobs/{job.Key}/add", """{"instance":0,"count":2}"""))
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        var grown = await cluster.WaitAsync(job.Key, s => AllRunning(s, 4));
        Assert.Equal(4, grown.Instances);
    }

    [Fact]
    public async Task BadInputIsRefusedWithFieldAndRule()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("bad", 0, "true");
        using var response = await cluster.PostAsync("/api/jobs", System.Text.Json.JsonSerializer.Serialize(job, Tessera.Jobs.Api.JobsApiJsonContext.Default.JobSpec));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("instances: must be between 1 and", await response.Content.ReadAsStringAsync());
        using var missing = await new HttpClient().GetAsync(new Uri(cluster.Api, "/api/jobs/devcluster/www-data/test/none"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("key: no job devcluster/www-data/test/none\n", await missing.Content.ReadAsStringAsync());
    }
}
