using Tessera.Cli.Tests.Cluster;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>
/// <c>tessera update …</c> end to end against a real master, agent and jobs scheduler in this
/// process, with an <c>.aurora</c> config whose <c>update_config</c> sets the batching.
/// </summary>
public sealed class UpdateCommandsTests : IAsyncLifetime
{
    private const string Key = "devcluster/www-data/test/upd";
    private InProcessJobs? _cluster;

    private InProcessJobs Cluster => _cluster!;

    public async Task InitializeAsync() => _cluster = await InProcessJobs.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    private Task<CliRun> Update(params string[] args) =>
        CliRun.Of(["update", .. args, "--jobs", Cluster.Jobs.Address.Authority]);

    /// <summary>
    /// A service of 3 instances running <c>cmd</c>, updated in variable batches of 1 then 2, watched 1 s.
    /// </summary>
    private async Task<string> ConfigAsync(string rollback = "True")
    {
        var path = Path.Combine(Cluster.Dir, $"upd-{Guid.NewGuid():N}.aurora");
        await File.WriteAllTextAsync(path, $$$"""
            proc = Process(name = 'web', cmdline = '{{cmd}}')
            task = Task(processes = [proc], resources = Resources(cpu = 0.1, ram = 32*MB, disk = 10*MB))
            jobs = [Service(cluster = 'devcluster', role = 'www-data', environment = 'test', name = 'upd',
                            instances = 3, task = task,
                            update_config = UpdateConfig(watch_secs = 1, rollback_on_failure = {{{rollback}}},
                                update_strategy = VariableBatchUpdateStrategy(batch_sizes = [1, 2])))]
            """);
        return path;
    }

    private async Task CreateRunningAsync(string config)
    {
        var create = await Cluster.Run("create", Key, config, "--bind", "cmd=sleep 300", "--wait-until", "RUNNING");
        Assert.True(create.Code == 0, create.ToString());
    }

    [Fact]
    public async Task AnUpdateRollsForwardInVariableBatchesAndStatusShowsOneConfig()
    {
        var config = await ConfigAsync();
        await CreateRunningAsync(config);

        var run = await Update("start", Key, config, "--bind", "cmd=sleep 301", "--message", "v2", "--wait");

        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains("updating 3 instances: v2", run.Out);
        Assert.Contains("ROLLED_FORWARD: 3 of 3 instances updated", run.Out);
        var events = run.Out.Split('\n').Where(l => l.Contains(" instance ", StringComparison.Ordinal)).ToList();
        var updating = events.Where(l => l.Contains("INSTANCE_UPDATING", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, updating.Count);
        Assert.Contains("instance 0 ", updating[0]);
        // The second batch (1 and 2) starts only after instance 0 is updated.
        Assert.True(events.FindIndex(l => l.Contains("instance 0 INSTANCE_UPDATED", StringComparison.Ordinal))
            < events.FindIndex(l => l.Contains("instance 1 INSTANCE_UPDATING", StringComparison.Ordinal)), run.Out);

        var info = await Update("info", Key);
        Assert.True(info.Code == 0, info.ToString());
        Assert.Contains("ROLLED_FORWARD (3 of 3 done)", info.Out);
        Assert.True(info.Out.Contains("variable_batch 1,2, watch 1 s", StringComparison.Ordinal), info.Out);
        var status = await Cluster.Run("status", Key);
        Assert.True(status.Out.Contains("command: ( sleep 301 )", StringComparison.Ordinal), status.Out);
        var list = await Update("list", "www-data", "--status", "succeeded");
        Assert.Contains(Key, list.Out);
        Assert.Contains("3 of 3 done", list.Out);

        var same = await Update("start", Key, config, "--bind", "cmd=sleep 301");
        Assert.True(same.Code == 0, same.ToString());
        Assert.Contains("nothing to update", same.Out);
    }

    [Fact]
    public async Task ANewCommandThatExitsAtOnceRollsBackByItselfAndTheOldTasksKeepServing()
    {
        var config = await ConfigAsync();
        await CreateRunningAsync(config);

        var run = await Update("start", Key, config, "--bind", "cmd=exit 1", "--wait");

        Assert.Equal(1, run.Code);
        Assert.Contains("instance 0 INSTANCE_UPDATE_FAILED", run.Out);
        Assert.Contains("instance 0 INSTANCE_ROLLED_BACK", run.Out);
        Assert.Contains("ROLLED_BACK: 1 of 1 instance rolled back", run.Err);
        var status = await Cluster.Run("status", Key);
        Assert.Contains("command: ( sleep 300 )", status.Out);
        Assert.Equal(3, status.Out.Split('\n').Count(l => l.Contains(" RUNNING ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ControlsNeedAnActiveUpdateAndBadFiltersAreRefused()
    {
        var config = await ConfigAsync();
        await CreateRunningAsync(config);

        var pause = await Update("pause", Key);
        Assert.Equal(1, pause.Code);
        Assert.Equal($"tessera: key: job {Key} has no update in progress\n", pause.Err);
        var bad = await Update("list", "--status", "sideways");
        Assert.Equal(2, bad.Code);
        Assert.StartsWith("tessera: status: 'sideways' is not an update status", bad.Err);

        var started = await Update("start", Key, config, "--bind", "cmd=sleep 302", "--instances", "2");
        Assert.True(started.Code == 0, started.ToString());
        var paused = await Update("pause", Key);
        Assert.True(paused.Code == 0, paused.ToString());
        Assert.Contains("ROLL_FORWARD_PAUSED", paused.Out);
        var aborted = await Update("abort", Key);
        Assert.Contains("ABORTED", aborted.Out);
        var wait = await Update("wait", Key);
        Assert.Equal(1, wait.Code);
        Assert.Contains("ABORTED: aborted on request", wait.Err);
    }
}
