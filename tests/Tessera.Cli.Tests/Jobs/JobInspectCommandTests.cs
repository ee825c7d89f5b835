using System.Text.Json;
using Tessera.Cli.Tests.Cluster;

namespace Tessera.Cli.Tests.Jobs;

/// <summary><c>tessera job inspect</c>: the config loaded as create loads it (python3 evaluates the .aurora file), printed; no scheduler.</summary>
public sealed class JobInspectCommandTests
{
    private const string Key = "devcluster/www-data/devel/hello_world";

    [Fact]
    public async Task TheExampleIsPrintedFullyResolved()
    {
        var run = await CliRun.Of(["job", "inspect", Key, Examples.Job("hello_world.aurora")]);
        Assert.True(run.Code == 0, run.ToString());
        string[] lines =
        [
            "job devcluster/www-data/devel/hello_world",
            "  instances:         3",
            "  kind:              service (replaced whenever it ends)",
            "  constraints:       agent 1,2,3, host limit:1",
            "  update:            batch_size 1, watch_secs 10, max_per_shard_failures 0, max_total_failures 0, rollback_on_failure yes, strategy Queue",
            "  health check:      http GET /health on port http (portmap health -> http) expecting 'ok'; initial 5 s, interval 5 s, timeout 2 s, max_consecutive_failures 0, min_consecutive_successes 1",
            "task hello_world",
            "  resources:         cpu 0.1, ram 64 MB, disk 64 MB, gpu 0",
            "  ports:             http",
            "  ordering:          install -> serve",
            "  process install",
            // {{profile.greeting}} is resolved; {{mesos.instance}} is filled in per instance when it runs.
            "    cmdline:         echo \"hello world from instance {{mesos.instance}}\" > index.html",
            "    max_failures:    1",
            "    daemon:          no",
            "    ephemeral:       no",
            "    final:           no",
            "    min_duration:    5 s",
            "  process serve",
            "    cmdline:",
            "      http.server.ThreadingHTTPServer((\"\", {{thermos.ports[http]}}), Handler).serve_forever()",
        ];
        var printed = run.Out.Split('\n');
        foreach (var line in lines) Assert.Contains(line, printed);
    }

    [Fact]
    public async Task JsonHasTheResolvedJobAndTheSpecCreateWouldPost()
    {
        var run = await CliRun.Of(["job", "inspect", Key, Examples.Job("hello_world.aurora"), "--json"]);
        Assert.True(run.Code == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var job = doc.RootElement.GetProperty("job");
        Assert.Equal(Key, doc.RootElement.GetProperty("key").GetString());
        Assert.Equal(3, job.GetProperty("instances").GetInt32());
        Assert.True(job.GetProperty("service").GetBoolean());
        Assert.Equal("echo \"hello world from instance {{mesos.instance}}\" > index.html",
            job.GetProperty("task").GetProperty("processes")[0].GetProperty("cmdline").GetString());
        Assert.Equal(10, job.GetProperty("update_config").GetProperty("watch_secs").GetInt32());
        Assert.Equal("Queue", job.GetProperty("update_config").GetProperty("effective_strategy").GetProperty("kind").GetString());
        var spec = doc.RootElement.GetProperty("spec");
        Assert.Equal(64, spec.GetProperty("template").GetProperty("resources").GetProperty("ram_mb").GetInt32());
        Assert.Equal("http", spec.GetProperty("template").GetProperty("ports")[0].GetString());
        Assert.Contains("\"health_check_config\"", spec.GetProperty("template").GetProperty("task_json").GetString());
    }

    [Fact]
    public async Task BindingsReachTheTemplates()
    {
        var dir = Directory.CreateTempSubdirectory("tessera-inspect-").FullName;
        try
        {
            var path = Path.Combine(dir, "bound.aurora");
            await File.WriteAllTextAsync(path, """
                jobs = [Job(cluster = 'devcluster', role = 'www-data', environment = 'prod', name = 'bound',
                  task = Task(name = 't', processes = [Process(name = 'p', cmdline = 'echo {{version}}', daemon = True, max_failures = 3)],
                              resources = Resources(cpu = 0.5, ram = 32 * MB, disk = 1 * GB)),
                  cron_schedule = '*/5 * * * *', constraints = {'rack': 'r1,r2'})]
                """);
            var run = await CliRun.Of(["job", "inspect", "devcluster/www-data/prod/bound", path, "--bind", "version=42"]);
            Assert.True(run.Code == 0, run.ToString());
            Assert.Contains("    cmdline:         echo 42\n", run.Out);
            Assert.Contains("    daemon:          yes\n", run.Out);
            Assert.Contains("    max_failures:    3\n", run.Out);
            Assert.Contains("  kind:              cron '*/5 * * * *', collision policy KILL_EXISTING\n", run.Out);
            Assert.Contains("  constraints:       rack r1,r2\n", run.Out);
            Assert.Contains("  resources:         cpu 0.5, ram 32 MB, disk 1024 MB, gpu 0\n", run.Out);
            Assert.Contains("  update:            batch_size 1, watch_secs 45, max_per_shard_failures 0, max_total_failures 0, rollback_on_failure yes, strategy Queue\n", run.Out);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task ABadConfigExitsWithTheLoadersErrorAndPrintsNothing()
    {
        var dir = Directory.CreateTempSubdirectory("tessera-inspect-").FullName;
        try
        {
            var path = Path.Combine(dir, "bad.aurora");
            await File.WriteAllTextAsync(path, """
                jobs = [Job(cluster = 'devcluster', role = 'www-data', environment = 'prod', name = 'bad',
                  task = Task(name = 't', processes = [Process(name = 'p', cmdline = 'true')],
                              resources = Resources(cpu = -1, ram = 32 * MB, disk = 32 * MB)))]
                """);
            var run = await CliRun.Of(["job", "inspect", "devcluster/www-data/prod/bad", path]);
            Assert.Equal(1, run.Code);
            Assert.Equal("", run.Out);
            Assert.Contains($"{path}:3: task.resources.cpu: cpu must be > 0, got -1 [resources]", run.Err);

            var missing = await CliRun.Of(["job", "inspect", "devcluster/www-data/prod/bad", Path.Combine(dir, "none.aurora")]);
            Assert.Equal(1, missing.Code);
            Assert.Contains("no such config file", missing.Err);

            var badBind = await CliRun.Of(["job", "inspect", "devcluster/www-data/prod/bad", path, "--bind", "novalue"]);
            Assert.Equal(2, badBind.Code);
            Assert.Equal("tessera: --bind 'novalue' must be NAME=VALUE\n", badBind.Err);

            var spec = await CliRun.Of(["job", "inspect", "devcluster/www-data/prod/bad", Path.Combine(dir, "spec.json")]);
            Assert.Equal(2, spec.Code);
            Assert.Contains("inspect reads an .aurora config", spec.Err);

            var wrongKey = await CliRun.Of(["job", "inspect", "devcluster/www-data/prod/other", Examples.Job("hello_world.aurora")]);
            Assert.Equal(1, wrongKey.Code);
            Assert.Contains("devcluster/www-data/prod/other", wrongKey.Err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
