using System.Diagnostics;
using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

public sealed class BadConfigTests
{
    private const string Good = """
        proc = Process(name = 'main', cmdline = 'true')
        jobs = [Job(cluster = 'c', role = 'r', environment = 'test', name = 'n',
                    task = Task(processes = [proc], resources = Resources(cpu = 1, ram = 64 * MB, disk = 64 * MB)))]
        """;

    private static async Task<ConfigError> SingleErrorAsync(string text, ConfigLoadOptions? options = null)
    {
        using var files = new ConfigFiles();
        var path = files.Write("bad.aurora", text);
        var result = await ConfigFiles.LoadAsync(path, options: options);
        Assert.False(result.Ok);
        Assert.Null(result.Job);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.File);
        return error;
    }

    [Fact]
    public async Task UnknownFieldNamesFileLineAndField()
    {
        var error = await SingleErrorAsync(Good.Replace("cmdline = 'true'", "cmdline = 'true',\n  max_failure = 3", StringComparison.Ordinal));
        Assert.Equal(("task.processes[0].max_failure", "unknown-field", 1), (error.Field, error.Rule, error.Line));
        Assert.Contains("Process has no field 'max_failure'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongType()
    {
        var error = await SingleErrorAsync(Good.Replace("cpu = 1", "cpu = [1]", StringComparison.Ordinal));
        Assert.Equal(("task.resources.cpu", "type", 3), (error.Field, error.Rule, error.Line));
        Assert.Contains("expects Float, got a list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequired()
    {
        var error = await SingleErrorAsync(Good.Replace("cmdline = 'true'", "daemon = True", StringComparison.Ordinal));
        Assert.Equal(("task.processes[0].cmdline", "required", 1), (error.Field, error.Rule, error.Line));
    }

    [Fact]
    public async Task PythonErrorHasFileAndLine()
    {
        var error = await SingleErrorAsync("x = 1\n\ny = undefined_name + 1\n");
        Assert.Equal(("python-error", 3), (error.Rule, error.Line));
        Assert.Contains("NameError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyntaxErrorHasFileAndLine()
    {
        var error = await SingleErrorAsync("x = 1\nprint 'python 2'\n");
        Assert.Equal(("python-error", 2), (error.Rule, error.Line));
        Assert.Contains("SyntaxError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndlessLoopIsStoppedByTheTimeout()
    {
        var clock = Stopwatch.StartNew();
        var error = await SingleErrorAsync("while True:\n  pass\n", new ConfigLoadOptions { Timeout = TimeSpan.FromSeconds(2) });
        Assert.Equal("timeout", error.Rule);
        Assert.Contains("longer than 2 s", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task UnboundedAllocationHitsTheMemoryLimit()
    {
        var error = await SingleErrorAsync("chunks = []\nwhile True:\n  chunks.append(' ' * 10000000)\n",
            new ConfigLoadOptions { MemoryLimitBytes = 256L * 1024 * 1024, Timeout = TimeSpan.FromSeconds(10) });
        Assert.Equal(("memory-limit", 3), (error.Rule, error.Line));
        Assert.Contains("256 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkModulesAreNotAvailable()
    {
        var error = await SingleErrorAsync("import urllib.request\n");
        Assert.Equal(("python-error", 1), (error.Rule, error.Line));
        Assert.Contains("socket", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("escape.aurora", "leaves the config directory")]
    [InlineData("absolute.aurora", "absolute paths are not allowed")]
    public async Task IncludeOutsideTheDirectoryIsRefused(string sample, string message)
    {
        var result = await ConfigFiles.LoadAsync(ConfigFiles.Sample(sample));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("include", 1), (error.Rule, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoJobs()
    {
        var error = await SingleErrorAsync("x = 1\n");
        Assert.Equal("no-jobs", error.Rule);
    }

    [Fact]
    public async Task SimplifiedRamInBytesIsCalledOut()
    {
        var error = await SingleErrorAsync("job = Service(name = 's', role = 'r', environment = 'test', cluster = 'c', cpu = 1, ram = 2 * GB, disk = 10,\n  process = Process(name = 'p', cmdline = 'true'))\n");
        Assert.Equal(("python-error", 1), (error.Rule, error.Line));
        Assert.Contains("looks like bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name = 'main'", "name = 'a/b'", "task.processes[0].name", "process-name")]
    [InlineData("cpu = 1", "cpu = 0", "task.resources.cpu", "resources")]
    [InlineData("ram = 64 * MB", "ram = 64", "task.resources.ram", "resources")]
    [InlineData("environment = 'test'", "environment = 'qa'", "environment", "environment")]
    [InlineData("name = 'n',", "name = 'n', instances = 0,", "instances", "positive")]
    [InlineData("name = 'n',", "name = 'n', update_config = UpdateConfig(batch_size = 0),", "update_config.batch_size", "update")]
    [InlineData("name = 'n',", "name = 'n', update_config = UpdateConfig(batch_size = 2, update_strategy = QueueUpdateStrategy()),", "update_config.update_strategy", "update")]
    [InlineData("name = 'n',", "name = 'n', update_config = UpdateConfig(max_total_failures = 1),", "update_config.max_total_failures", "update")]
    [InlineData("name = 'n',", "name = 'n', update_config = UpdateConfig(pulse_interval_secs = 10),", "update_config.pulse_interval_secs", "update")]
    [InlineData("name = 'n',", "name = 'n', service = True, cron_schedule = '* * * * *',", "cron_schedule", "cron-service")]
    [InlineData("name = 'n',", "name = 'n', cron_schedule = '@daily',", "cron_schedule", "cron")]
    [InlineData("name = 'n',", "name = 'n', cron_collision_policy = 'RUN_OVERLAP',", "cron_collision_policy", "cron-collision")]
    [InlineData("name = 'n',", "name = 'n', constraints = {'dedicated': 'other/x'},", "constraints[dedicated]", "dedicated")]
    [InlineData("name = 'n',", "name = 'n', constraints = {'host': 'limit:0'},", "constraints[host]", "constraint")]
    [InlineData("name = 'n',", "name = 'n', health_check_config = HealthCheckConfig(interval_secs = 0),", "health_check_config.interval_secs", "health")]
    [InlineData("processes = [proc]", "processes = [proc, proc]", "task.processes[1].name", "unique-process")]
    [InlineData("processes = [proc]", "processes = [proc], constraints = order(proc, 'ghost')", "task.constraints[0].order", "order")]
    [InlineData("processes = [proc]", "processes = []", "task.processes", "required")]
    public async Task AuroraRules(string from, string to, string field, string rule)
    {
        using var files = new ConfigFiles();
        var result = await ConfigFiles.LoadAsync(files.Write("rules.aurora", Good.Replace(from, to, StringComparison.Ordinal)));
        var error = Assert.Single(result.Errors, e => e.Field == field);
        Assert.Equal(rule, error.Rule);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void ErrorsPrintFileLineFieldAndRule()
    {
        var error = new ConfigError("hello.aurora", 7, "task.resources.cpu", "resources", "cpu must be > 0, got 0");
        Assert.Equal("hello.aurora:7: task.resources.cpu: cpu must be > 0, got 0 [resources]", error.ToString());
    }
}
