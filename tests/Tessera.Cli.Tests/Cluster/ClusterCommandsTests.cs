using System.Text.Json;

namespace Tessera.Cli.Tests.Cluster;

/// <summary>The cluster commands end to end: the real CLI against a real master and agent with a running task.</summary>
public sealed class ClusterCommandsTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    [Fact]
    public async Task AgentListShowsTheAgentWithItsAddressAndUsage()
    {
        var run = await cluster.RunAsync("agent", "list");
        Assert.True(run.Code == 0, run.ToString());
        var row = Assert.Single(run.Out.Split('\n'), l => l.StartsWith(cluster.AgentId, StringComparison.Ordinal));
        Assert.Contains($"127.0.0.1:{cluster.AgentPort}", row);
        Assert.Contains("yes", row);
        Assert.Contains("cpus 1/4", row);
    }

    [Fact]
    public async Task AgentListJsonIsTheMesosShape()
    {
        var run = await cluster.RunAsync("agent", "list", "--json");
        Assert.True(run.Code == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var agent = Assert.Single(doc.RootElement.GetProperty("agents").EnumerateArray());
        Assert.Equal(cluster.AgentId, agent.GetProperty("agent_info").GetProperty("id").GetProperty("value").GetString());
    }

    [Fact]
    public async Task AgentShowListsItsTask()
    {
        var run = await cluster.RunAsync("agent", "show", cluster.AgentId);
        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains("total       cpus:4", run.Out);
        Assert.Contains(CliCluster.LongTask, run.Out);
    }

    [Fact]
    public async Task AgentShowOfAnUnknownIdIsExitOne()
    {
        var run = await cluster.RunAsync("agent", "show", "no-such-agent");
        Assert.Equal(1, run.Code);
        Assert.StartsWith("tessera: no agent 'no-such-agent'", run.Err);
    }

    [Fact]
    public async Task FrameworkListAndShowShowTheFramework()
    {
        var list = await cluster.RunAsync("framework", "list");
        Assert.True(list.Code == 0, list.ToString());
        var row = Assert.Single(list.Out.Split('\n'), l => l.StartsWith(cluster.FrameworkId, StringComparison.Ordinal));
        Assert.Contains("agent-e2e", row);
        Assert.Contains("active", row);
        var show = await cluster.RunAsync("framework", "show", cluster.FrameworkId);
        Assert.True(show.Code == 0, show.ToString());
        Assert.Contains("name         agent-e2e", show.Out);
        Assert.Contains(CliCluster.LongTask, show.Out);
    }

    [Fact]
    public async Task TaskListShowsTheRunningTask()
    {
        var run = await cluster.RunAsync("task", "list");
        Assert.True(run.Code == 0, run.ToString());
        var row = Assert.Single(run.Out.Split('\n'), l => l.StartsWith(CliCluster.LongTask + " ", StringComparison.Ordinal));
        Assert.Contains("running", row);
        Assert.Contains($"127.0.0.1:{cluster.AgentPort}", row);
        Assert.Contains("agent-e2e", row);
    }

    [Fact]
    public async Task TaskListFiltersByState()
    {
        var running = await cluster.RunAsync("task", "list", "--state", "running");
        Assert.Contains(CliCluster.LongTask, running.Out);
        var finished = await cluster.RunAsync("task", "list", "--state", "finished");
        Assert.True(finished.Code == 0, finished.ToString());
        Assert.DoesNotContain(CliCluster.LongTask, finished.Out);
    }

    [Fact]
    public async Task TaskListOfAnUnknownStateIsAUsageError()
    {
        var run = await cluster.RunAsync("task", "list", "--state", "sleepy");
        Assert.Equal(2, run.Code);
        Assert.Contains("--state: 'sleepy' is not a task state", run.Err);
    }

    [Fact]
    public async Task TaskListJsonParses()
    {
        var run = await cluster.RunAsync("task", "list", "--json");
        Assert.True(run.Code == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Contains(doc.RootElement.GetProperty("tasks").EnumerateArray(),
            t => t.GetProperty("task_id").GetProperty("value").GetString() == CliCluster.LongTask && t.GetProperty("state").GetString() == "TASK_RUNNING");
    }

    [Fact]
    public async Task TaskListWatchPrintsSnapshotsUntilCancelled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var run = await CliRun.Of(["task", "list", "--watch", "--master", cluster.Master], cts.Token);
        Assert.True(run.Code == 0, run.ToString());
        Assert.StartsWith("--- ", run.Out);
        Assert.Contains(CliCluster.LongTask, run.Out);
        Assert.DoesNotContain("\u001b[", run.Out);
    }

    [Fact]
    public async Task TaskShowShowsHistoryAgentAndSandbox()
    {
        var run = await cluster.RunAsync("task", "show", CliCluster.LongTask);
        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains("state      running", run.Out);
        Assert.Contains($"({cluster.Master.Replace("http://", "", StringComparison.Ordinal).Split(':')[0]}:{cluster.AgentPort})", run.Out);
        Assert.Contains($"/frameworks/{cluster.FrameworkId}/executors/{CliCluster.LongTask}/runs/latest", run.Out);
        Assert.Contains("TIME", run.Out);
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+running", run.Out);
    }

    [Fact]
    public async Task TaskShowJsonIsTheMesosTask()
    {
        var run = await cluster.RunAsync("task", "show", CliCluster.LongTask, "--json");
        Assert.True(run.Code == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(cluster.AgentId, doc.RootElement.GetProperty("agent_id").GetProperty("value").GetString());
    }

    [Fact]
    public async Task AnUnknownTaskIdIsExitOneOnOneLine()
    {
        var run = await cluster.RunAsync("task", "show", "no-such-task");
        Assert.Equal(1, run.Code);
        var line = Assert.Single(run.Err.TrimEnd().Split('\n'));
        Assert.StartsWith("tessera: no task 'no-such-task' (", line);
    }

    [Fact]
    public async Task TaskKillSaysThatFrameworksKillTasks()
    {
        var run = await cluster.RunAsync("task", "kill", CliCluster.LongTask);
        Assert.Equal(1, run.Code);
        Assert.Contains("killed by their framework", run.Err);
        Assert.Contains($"tessera framework teardown {cluster.FrameworkId}", run.Err);
    }

    [Fact]
    public async Task TaskLogsPrintsStdoutOrStderr()
    {
        var stdout = await cluster.RunAsync("task", "logs", CliCluster.LongTask);
        Assert.True(stdout.Code == 0, stdout.ToString());
        Assert.Equal("hello-from-task\nsecond-line\n", stdout.Out);
        var stderr = await cluster.RunAsync("task", "logs", CliCluster.LongTask, "--stderr");
        Assert.True(stderr.Code == 0, stderr.ToString());
        Assert.Contains("oops-on-stderr", stderr.Out);
        Assert.DoesNotContain("hello-from-task", stderr.Out);
    }

    [Fact]
    public async Task TaskLogsTailPrintsTheLastLines()
    {
        var run = await cluster.RunAsync("task", "logs", CliCluster.LongTask, "--tail", "1");
        Assert.True(run.Code == 0, run.ToString());
        Assert.Equal("second-line\n", run.Out);
    }

    [Fact]
    public async Task TaskLogsFollowPrintsOutputUntilTheTaskEnds()
    {
        await cluster.LaunchAsync("counter-1", "sleep 1; for i in 1 2 3; do echo count-$i; sleep 0.3; done");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = await CliRun.Of(["task", "logs", "counter-1", "-f", "--master", cluster.Master], cts.Token);
        Assert.False(cts.IsCancellationRequested, "task logs -f did not end when the task ended");
        Assert.True(run.Code == 0, run.ToString());
        Assert.Equal("count-1\ncount-2\ncount-3\n", run.Out);
        var show = await cluster.RunAsync("task", "show", "counter-1");
        Assert.Contains("state      finished (ended)", show.Out);
        var list = await cluster.RunAsync("task", "list");
        Assert.DoesNotContain("counter-1", list.Out);
        var all = await cluster.RunAsync("task", "list", "--all");
        Assert.Contains("counter-1", all.Out);
    }

    [Fact]
    public async Task QuotaSetThenGetRoundTrips()
    {
        var set = await cluster.RunAsync("quota", "set", "dev", "--guarantee", "cpus:1;mem:256", "--limit", "cpus:2,mem:512");
        Assert.True(set.Code == 0, set.ToString());
        var get = await cluster.RunAsync("quota", "get", "dev");
        Assert.True(get.Code == 0, get.ToString());
        var row = Assert.Single(get.Out.Split('\n'), l => l.StartsWith("dev ", StringComparison.Ordinal));
        Assert.Contains("cpus:1;mem:256", row);
        Assert.Contains("cpus:2;mem:512", row);
        var json = await cluster.RunAsync("quota", "get", "--json");
        using var doc = JsonDocument.Parse(json.Out);
        var config = Assert.Single(doc.RootElement.GetProperty("status").GetProperty("configs").EnumerateArray(), c => c.GetProperty("role").GetString() == "dev");
        Assert.Equal(512, config.GetProperty("limits").GetProperty("mem").GetProperty("value").GetDouble());
        var remove = await cluster.RunAsync("quota", "remove", "dev");
        Assert.True(remove.Code == 0, remove.ToString());
        Assert.Contains("role 'dev' has no quota", (await cluster.RunAsync("quota", "get", "dev")).Out);
    }

    [Fact]
    public async Task WeightsSetThenList()
    {
        var set = await cluster.RunAsync("weights", "set", "prod=2.5", "batch=0.5");
        Assert.True(set.Code == 0, set.ToString());
        var get = await cluster.RunAsync("weights");
        Assert.True(get.Code == 0, get.ToString());
        Assert.Matches(@"(?m)^prod\s+2\.5$", get.Out);
        Assert.Matches(@"(?m)^batch\s+0\.5$", get.Out);
        using var doc = JsonDocument.Parse((await cluster.RunAsync("weights", "--json")).Out);
        Assert.Contains(doc.RootElement.GetProperty("weight_infos").EnumerateArray(), w => w.GetProperty("role").GetString() == "prod");
    }

    [Fact]
    public async Task MaintenanceScheduleStartStop()
    {
        var schedule = await cluster.RunAsync("maintenance", "schedule", "node-7", "--duration", "2hrs");
        Assert.True(schedule.Code == 0, schedule.ToString());
        Assert.Matches(@"(?m)^node-7\s+\S+ \S+\s+2hrs\s+draining$", (await cluster.RunAsync("maintenance", "schedule")).Out);
        Assert.Matches(@"(?m)^node-7\s+draining$", (await cluster.RunAsync("maintenance", "status")).Out);
        var start = await cluster.RunAsync("maintenance", "start", "node-7");
        Assert.True(start.Code == 0, start.ToString());
        Assert.Matches(@"(?m)^node-7\s+down$", (await cluster.RunAsync("maintenance", "status")).Out);
        var stop = await cluster.RunAsync("maintenance", "stop", "node-7");
        Assert.True(stop.Code == 0, stop.ToString());
        Assert.Contains("no machine is under maintenance", (await cluster.RunAsync("maintenance", "status")).Out);
    }

    [Fact]
    public async Task MaintenanceStartOfAnUnscheduledMachineIsTheMastersRefusal()
    {
        var run = await cluster.RunAsync("maintenance", "start", "node-99");
        Assert.Equal(1, run.Code);
        Assert.Contains("not in the maintenance schedule", run.Err);
    }

    [Fact]
    public async Task ClusterStatusShowsTheRunningTaskAndWatches()
    {
        var run = await cluster.RunAsync("cluster", "status");
        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains("agents      1 active", run.Out);
        Assert.Matches(@"tasks       .*\d+ running", run.Out);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var watch = await CliRun.Of(["cluster", "status", "--watch", "--master", cluster.Master], cts.Token);
        Assert.True(watch.Code == 0, watch.ToString());
        Assert.StartsWith("--- ", watch.Out);
        Assert.Contains("agents      1 active", watch.Out);
    }
}
