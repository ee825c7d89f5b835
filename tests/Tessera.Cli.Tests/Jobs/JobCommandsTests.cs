using System.Text.Json;
using Tessera.Cli.Tests.Cluster;

namespace Tessera.Cli.Tests.Jobs;

/// <summary><c>tessera job …</c> end to end against a real master, agent and jobs scheduler in this process.</summary>
public sealed class JobCommandsTests : IAsyncLifetime
{
    private InProcessJobs? _cluster;

    private InProcessJobs Cluster => _cluster!;

    public async Task InitializeAsync() => _cluster = await InProcessJobs.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    private Task<CliRun> Run(params string[] args) => Cluster.Run(args);

    private Task<string> SpecFileAsync(int instances, string command, long ram = 32) => Cluster.SpecFileAsync(instances, command, ram);

    private async Task<string> WaitStatusAsync(string key, Func<string, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        CliRun run;
        do
        {
            run = await Run("status", key);
            Assert.True(run.Code == 0, run.ToString());
            if (done(run.Out)) return run.Out;
            await Task.Delay(150);
        }
        while (DateTime.UtcNow < until);
        Assert.Fail("timed out; last:\n" + run);
        return "";
    }

    private static int Count(string text, string word) => text.Split('\n').Count(l => l.Contains(word, StringComparison.Ordinal));

    [Fact]
    public async Task CreateStatusListKillAddRestartKillall()
    {
        const string key = "devcluster/www-data/test/hello";
        var create = await Run("create", key, await SpecFileAsync(2, "sleep 300"));
        Assert.True(create.Code == 0, create.ToString());
        Assert.Contains("created devcluster/www-data/test/hello with 2 instances", create.Out);

        var status = await WaitStatusAsync(key, s => Count(s, " RUNNING ") == 2);
        Assert.Contains("job devcluster/www-data/test/hello: 2 instance(s), cpus 0.1, ram 32 MB, disk 10 MB, service", status);

        var list = await Run("list", "www-data");
        Assert.True(list.Code == 0, list.ToString());
        Assert.Contains("RUNNING 2", list.Out);
        var json = await Run("list", "--json");
        using (var doc = JsonDocument.Parse(json.Out))
            Assert.Equal(key, doc.RootElement[0].GetProperty("key").GetString());

        var add = await Run("add", key + "/0", "1");
        Assert.True(add.Code == 0, add.ToString());
        await WaitStatusAsync(key, s => Count(s, " RUNNING ") == 3);

        var kill = await Run("kill", key + "/1-2");
        Assert.True(kill.Code == 0, kill.ToString());
        Assert.Contains("killed 2 tasks", kill.Out);
        await WaitStatusAsync(key, s => Count(s, " KILLED ") == 2 && Count(s, " RUNNING ") == 1);

        var restart = await Run("restart", key, "--batch-size", "2", "--watch-secs", "1", "--wait");
        Assert.True(restart.Code == 0, restart.ToString());
        // Instances 1 and 2 were killed: only instance 0 had something to restart.
        Assert.Contains("restarting 1 instance of devcluster/www-data/test/hello, 2 at a time, each watched 1 second (update ", restart.Out);
        Assert.Contains("instance 0 INSTANCE_UPDATING: restarting the instance", restart.Out);
        Assert.Contains("ROLLED_FORWARD: 1 of 1 instance restarted", restart.Out);
        var restarted = await Run("status", key);
        Assert.Contains("ROLLED_FORWARD (1 of 1 done): 1 of 1 instance restarted", restarted.Out);

        var killall = await Run("killall", key);
        Assert.True(killall.Code == 0, killall.ToString());
        Assert.Contains("the job is removed", killall.Out);
    }

    [Fact]
    public async Task PendingReasonAndErrors()
    {
        const string key = "devcluster/www-data/test/huge";
        var create = await Run("create", key, await SpecFileAsync(1, "sleep 300", ram: 100_000));
        Assert.True(create.Code == 0, create.ToString());
        var status = await WaitStatusAsync(key, s => s.Contains("insufficient ram", StringComparison.Ordinal));
        Assert.Contains("insufficient ram: asks 100000 MB, best agent has 1024 free", status);

        var again = await Run("create", key, await SpecFileAsync(1, "true"));
        Assert.Equal(1, again.Code);
        Assert.Contains("already exists", again.Err);

        var missing = await Run("status", "devcluster/www-data/test/none");
        Assert.Equal(1, missing.Code);
        Assert.Equal("tessera: key: no job devcluster/www-data/test/none\n", missing.Err);

        var bad = await Run("create", "devcluster/www-data/test/bad", await SpecFileAsync(0, "true"));
        Assert.Equal(2, bad.Code);
        Assert.Contains("instances: must be between 1 and", bad.Err);

        var unreachable = await CliRun.Of(["job", "list", "--jobs", "127.0.0.1:1"]);
        Assert.Equal(3, unreachable.Code);
        Assert.Contains("cannot reach the jobs scheduler", unreachable.Err);
    }

    [Fact]
    public async Task AConfigAskingWhatThisClusterDoesNotDoIsRefusedAtCreateAndNothingIsStored()
    {
        const string key = "devcluster/www-data/prod/cron_hello_world";
        var dir = Directory.CreateTempSubdirectory("tessera-unsupported-");
        try
        {
            // The shape of Aurora's examples/jobs/cron_hello_world.aurora, with an image as well.
            var path = Path.Combine(dir.FullName, "cron_hello_world.aurora");
            await File.WriteAllTextAsync(path, """
                hello = Process(name = 'hello', cmdline = 'echo hello world')
                task = Task(name = 'hello', processes = [hello], resources = Resources(cpu = 0.1, ram = 16 * MB, disk = 16 * MB))
                jobs = [Job(cluster = 'devcluster', role = 'www-data', environment = 'prod', name = 'cron_hello_world',
                  task = task, cron_schedule = '*/5 * * * *', container = Mesos(image = DockerImage(name = 'debian', tag = 'slim-stretch')))]
                """);

            var create = await Run("create", key, path);

            Assert.Equal(1, create.Code);
            var lines = create.Err.TrimEnd('\n').Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.Contains("cron_hello_world.aurora:3: cron_schedule: a cron job is scheduled with 'tessera cron schedule KEY CONFIG', not created", lines[0]);
            Assert.Contains("cron_hello_world.aurora:3: container.image: images are not supported by this cluster yet", lines[1]);
            var status = await Run("status", key);
            Assert.Equal(1, status.Code);
            Assert.Contains($"no job {key}", status.Err);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ARestartWhoseNewTaskFailsEndsFailedAndWaitSaysWhy()
    {
        const string key = "devcluster/www-data/test/fragile";
        // The first run leaves a marker and stays up; every later run (the replacement) exits at once.
        // Not under /tmp: tasks get a private one.
        var marker = $"/var/tmp/tessera-restart-test-{Guid.NewGuid():N}";
        using var cleanup = new MarkerFile(marker);
        var create = await Run("create", key, await SpecFileAsync(1, $"if [ -e {marker} ]; then exit 1; fi; touch {marker}; sleep 300"));
        Assert.True(create.Code == 0, create.ToString());
        await WaitStatusAsync(key, s => Count(s, " RUNNING ") == 1);

        var restart = await Run("restart", key, "--watch-secs", "5", "--wait");

        Assert.True(restart.Code == 1, restart.ToString());
        Assert.Contains(" FAILED: 1 instance failed, more than max_total_failures 0 (instance 0: 1 task failed", restart.Err);
        Assert.Contains("ended FAILED", restart.Err);
        var json = await Run("status", key, "--json");
        using var doc = JsonDocument.Parse(json.Out);
        var section = doc.RootElement.GetProperty("update");
        Assert.Equal("FAILED", section.GetProperty("status").GetString());
        Assert.Equal(1, section.GetProperty("failed").GetInt32());
    }

    private sealed class MarkerFile(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }
}
