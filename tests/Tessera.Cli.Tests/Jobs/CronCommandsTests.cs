using Tessera.Cli.Tests.Cluster;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>
/// <c>tessera cron …</c> end to end against a real master, agent and jobs scheduler in this process,
/// with the shape of Aurora's <c>examples/jobs/cron_hello_world.aurora</c>.
/// </summary>
public sealed class CronCommandsTests : IAsyncLifetime
{
    private const string Key = "devcluster/www-data/test/cron_hello_world";
    private InProcessJobs? _cluster;

    private InProcessJobs Cluster => _cluster!;

    public async Task InitializeAsync() => _cluster = await InProcessJobs.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    private Task<CliRun> Cron(params string[] args) => CliRun.Of(["cron", .. args, "--jobs", Cluster.Jobs.Address.Authority]);

    private async Task<string> ConfigAsync()
    {
        var path = Path.Combine(Cluster.Dir, $"cron-{Guid.NewGuid():N}.aurora");
        await File.WriteAllTextAsync(path, """
            jobs = [
              Job(cluster = 'devcluster', role = 'www-data', environment = 'test', name = 'cron_hello_world',
                  cron_schedule = '*/5 * * * *',
                  task = SimpleTask('cron_hello_world', 'echo "Hello world from cron, the time is now $(date --rfc-822)"')),
            ]
            """);
        return path;
    }

    [Fact]
    public async Task ACronJobIsScheduledNotRunUntilDueAndStartRunsItToFinished()
    {
        var config = await ConfigAsync();
        var create = await Cluster.Run("create", Key, config);
        Assert.Equal(1, create.Code);
        Assert.Contains("cron_schedule: a cron job is scheduled with 'tessera cron schedule KEY CONFIG'", create.Err);

        var scheduled = await Cron("schedule", Key, config);
        Assert.True(scheduled.Code == 0, scheduled.ToString());
        Assert.Contains($"scheduled cron job {Key}: '*/5 * * * *' (UTC), KILL_EXISTING, 1 instance(s), 0 active task(s)", scheduled.Out);
        Assert.Contains("no runs yet", scheduled.Out);
        var show = await Cron("show", Key);
        Assert.Equal(3, show.Out.Split("next runs: ")[1].Split('\n')[0].Split(", ").Length);

        var started = await Cron("start", Key);
        Assert.True(started.Code == 0, started.ToString());
        Assert.Contains("started on request", started.Out);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        CliRun status;
        do
        {
            await Task.Delay(200);
            status = await Cluster.Run("status", Key);
        }
        while (!status.Out.Contains(" FINISHED ", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        Assert.Contains(" FINISHED ", status.Out);

        var descheduled = await Cron("deschedule", Key);
        Assert.True(descheduled.Code == 0, descheduled.ToString());
        Assert.Equal(1, (await Cron("show", Key)).Code);
    }

    [Fact]
    public async Task AConfigWithoutAScheduleIsRefused()
    {
        var path = Path.Combine(Cluster.Dir, "plain.aurora");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(await ConfigAsync()))
            .Replace("cron_schedule = '*/5 * * * *',", "", StringComparison.Ordinal));

        var run = await Cron("schedule", Key, path);

        Assert.Equal(1, run.Code);
        Assert.Contains("cron_schedule: the job has no cron_schedule", run.Err);
    }
}
