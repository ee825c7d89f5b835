using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

/// <summary>Each field a valid config may set that this cluster does not do is refused, naming file, line and field.</summary>
public sealed class ConfigSupportTests
{
    private const string Task = "task = Task(name = 't', processes = [Process(name = 'p', cmdline = 'echo {{thermos.ports[http]}}')], " +
        "resources = Resources(cpu = 0.1, ram = 16 * MB, disk = 16 * MB))\n";

    /// <summary>The support check of one job written on line 2 with <paramref name="fields"/>.</summary>
    private static async Task<ConfigError[]> RefusalsAsync(string fields, string process = "")
    {
        using var files = new ConfigFiles();
        var task = process.Length == 0 ? Task : Task.Replace("cmdline = 'echo {{thermos.ports[http]}}'", process, StringComparison.Ordinal);
        var path = files.Write("job.aurora", task +
            $"jobs = [Job(cluster = 'devcluster', role = 'www-data', environment = 'prod', name = 'j', task = task{fields})]\n");
        var result = await ConfigFiles.LoadAsync(path, "devcluster/www-data/prod/j");
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return [.. ConfigSupport.Check(result.Job!, result.Sources)];
    }

    [Fact]
    public async Task APlainJobAndTheDefaultsPass()
    {
        Assert.Empty(await RefusalsAsync(""));
        Assert.Empty(await RefusalsAsync(", tier = 'preferred', container = Mesos(), announce = Announcer(), " +
            "contact = 'me@example.com', executor_config = ExecutorConfig(name = 'AuroraExecutor', data = ''), " +
            "cron_collision_policy = 'CANCEL_NEW'",
            "cmdline = 'echo {{thermos.ports[http]}}', logger = Logger(destination = 'file', mode = 'standard')"));
    }

    [Theory]
    [InlineData(", cron_schedule = '*/5 * * * *'", "cron_schedule", "'tessera cron schedule KEY CONFIG', not created")]
    [InlineData(", container = Docker(image = 'debian:slim')", "container", "Docker containers are not supported")]
    [InlineData(", container = Container(docker = Docker(image = 'debian:slim'))", "container", "Docker containers are not supported")]
    [InlineData(", container = Mesos(image = DockerImage(name = 'debian', tag = 'slim-stretch'))", "container.image", "images are not supported")]
    [InlineData(", container = Mesos(image = AppcImage(name = 'app', image_id = 'sha512-1'))", "container.image", "images are not supported")]
    [InlineData(", container = Mesos(volumes = [Volume(container_path = '/d', host_path = '/srv', mode = Mode('RO'))])", "container.volumes", "volumes are not supported")]
    [InlineData(", sla_policy = CountSlaPolicy(count = 1, duration_secs = 60)", "sla_policy", "SLA policies are not supported")]
    [InlineData(", update_config = UpdateConfig(sla_aware = True)", "update_config.sla_aware", "SLA-aware updates need SLA policies")]
    [InlineData(", tier = 'revocable'", "tier", "tier 'revocable' is not supported by this cluster yet")]
    [InlineData(", tier = 'gold'", "tier", "tier 'gold' does not exist")]
    [InlineData(", production = True", "production", "quota")]
    [InlineData(", metadata = [Metadata(key = 'team', value = 'web')]", "metadata", "metadata is not supported")]
    [InlineData(", enable_hooks = True", "enable_hooks", "hooks are not supported")]
    [InlineData(", executor_config = ExecutorConfig(name = 'MyExecutor')", "executor_config", "custom executor_config")]
    [InlineData(", announce = Announcer(zk_path = '/aurora/x')", "announce.zk_path", "ZooKeeper")]
    public async Task AJobFieldThisClusterDoesNotApplyIsRefusedWhereItIsWritten(string fields, string field, string why)
    {
        var refusal = Assert.Single(await RefusalsAsync(fields));

        Assert.Equal(field, refusal.Field);
        Assert.Equal("unsupported", refusal.Rule);
        Assert.Contains(why, refusal.Message, StringComparison.Ordinal);
        Assert.Equal("job.aurora", Path.GetFileName(refusal.File));
        Assert.Equal(2, refusal.Line);
        Assert.Matches(@"^/.*job\.aurora:2: " + System.Text.RegularExpressions.Regex.Escape(field) + ": ", refusal.ToString());
    }

    [Theory]
    [InlineData("destination = 'console'", "task.processes[0].logger.destination", "log destination 'console'")]
    [InlineData("mode = 'rotate', rotate = RotatePolicy(log_size = 10 * MB)", "task.processes[0].logger.mode", "log mode 'rotate'")]
    public async Task AProcessLoggerThisClusterDoesNotApplyIsRefused(string logger, string field, string why)
    {
        var refusal = Assert.Single(await RefusalsAsync("", $"cmdline = 'true', logger = Logger({logger})"));

        Assert.Equal(field, refusal.Field);
        Assert.Contains(why, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, refusal.Line);
    }

    [Fact]
    public async Task EveryRefusalIsListedAtOnce()
    {
        var refusals = await RefusalsAsync(", cron_schedule = '0 * * * *', production = True, container = Docker(image = 'x')");

        Assert.Equal(["cron_schedule", "container", "production"], refusals.Select(r => r.Field));
    }
}
