using System.Text.Json;
using Tessera.Cli.Tests.Cluster;
using Tessera.Cli.Tests.Dev;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>
/// <c>tessera job diff</c> against a real master, agent and jobs scheduler in this process, and job
/// keys finding that scheduler through clusters.json (the real tessera executable with its own
/// HOME and TESSERA_CONFIG_ROOT).
/// </summary>
public sealed class JobDiffCommandTests : IAsyncLifetime
{
    private InProcessJobs? _cluster;

    private InProcessJobs Cluster => _cluster!;

    private string Dir => Cluster.Dir;

    public async Task InitializeAsync() => _cluster = await InProcessJobs.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    private Task<CliRun> Run(params string[] args) => Cluster.Run(args);

    private Task<string> SpecFileAsync(int instances, string command, long ram = 32) => Cluster.SpecFileAsync(instances, command, ram);

    [Fact]
    public async Task DiffShowsNoChangesThenTheInstancesAndFieldsThatDiffer()
    {
        const string key = "devcluster/www-data/test/differ";
        var create = await Run("create", key, await SpecFileAsync(2, "sleep 300"));
        Assert.True(create.Code == 0, create.ToString());

        var same = await Run("diff", key, await SpecFileAsync(2, "sleep 300"));
        Assert.True(same.Code == 0, same.ToString());
        Assert.Equal("no changes: devcluster/www-data/test/differ is as stored\n", same.Out);

        var changed = await Run("diff", key, await SpecFileAsync(4, "sleep 301"));
        Assert.True(changed.Code == 0, changed.ToString());
        Assert.Equal("~ instances: 2 -> 4 (adds 2-3)\n~ command: \"sleep 300\" -> \"sleep 301\"\n", changed.Out);

        var fewer = await Run("diff", key, await SpecFileAsync(1, "sleep 300"));
        Assert.Equal("~ instances: 2 -> 1 (removes 1)\n", fewer.Out);

        var json = await Run("diff", key, await SpecFileAsync(4, "sleep 301"), "--json");
        using (var doc = JsonDocument.Parse(json.Out))
        {
            Assert.Equal([2, 3], doc.RootElement.GetProperty("add").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal("command", doc.RootElement.GetProperty("changes")[0].GetProperty("path").GetString());
            Assert.False(doc.RootElement.GetProperty("identical").GetBoolean());
        }

        // diff changed nothing: the job still has 2 instances running sleep 300.
        var status = await Run("status", key);
        Assert.Contains("job devcluster/www-data/test/differ: 2 instance(s)", status.Out);
        Assert.Contains("command: sleep 300\n", status.Out);

        var missing = await Run("diff", "devcluster/www-data/test/none", await SpecFileAsync(1, "true"));
        Assert.Equal(1, missing.Code);
        Assert.Equal("tessera: key: no job devcluster/www-data/test/none\n", missing.Err);

        var bad = await Run("diff", key, await SpecFileAsync(0, "true"));
        Assert.Equal(2, bad.Code);
        Assert.StartsWith("tessera: instances: must be between 1 and", bad.Err);
    }

    [Fact]
    public async Task AnAuroraConfigIsDiffedAsCreateLoadsItWithTheExecutorTaskComparedField()
    {
        const string key = "devcluster/www-data/devel/hello_world";
        var example = Examples.Job("hello_world.aurora");
        var create = await Run("create", key, example);
        Assert.True(create.Code == 0, create.ToString());

        var same = await Run("diff", key, example);
        Assert.True(same.Code == 0, same.ToString());
        Assert.Equal("no changes: devcluster/www-data/devel/hello_world is as stored\n", same.Out);

        var edited = Path.Combine(Dir, "hello_world.aurora");
        await File.WriteAllTextAsync(edited, (await File.ReadAllTextAsync(example))
            .Replace("greeting = 'hello world'", "greeting = 'hi'", StringComparison.Ordinal)
            .Replace("instances = 3", "instances = 5", StringComparison.Ordinal)
            .Replace("watch_secs = 10", "watch_secs = 20", StringComparison.Ordinal));
        var diff = await Run("diff", key, edited);
        Assert.True(diff.Code == 0, diff.ToString());
        var lines = diff.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("~ instances: 3 -> 5 (adds 3-4)", lines[0]);
        Assert.StartsWith("~ command: \"( echo \\\"hello world from instance", lines[1]);
        Assert.Equal("~ task.processes[0].cmdline: \"echo \\\"hello world from instance {{mesos.instance}}\\\" > index.html\" -> \"echo \\\"hi from instance {{mesos.instance}}\\\" > index.html\"", lines[2]);
        // update_config is the client's (Tessera's scheduler keeps no update settings): not part of the stored job.
        Assert.Equal(3, lines.Length);

        Assert.Equal(0, (await Run("killall", key)).Code);
    }

    [Fact]
    public async Task AKeysClusterPicksTheSchedulerFromClustersJson()
    {
        const string key = "east/www-data/test/clustered";
        var home = Path.Combine(Dir, $"home-{Guid.NewGuid():N}");
        var etc = Path.Combine(Dir, $"etc-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(home, ".tessera"));
        Directory.CreateDirectory(etc);
        var env = new Dictionary<string, string?> { ["HOME"] = home, ["TESSERA_CONFIG_ROOT"] = etc, ["TESSERA_JOBS"] = null, ["TESSERA_MASTER"] = null };
        var scheduler = $"http://{Cluster.Jobs.Address.Authority}";
        // The system file points east nowhere; the user's file overrides it with the running scheduler.
        await File.WriteAllTextAsync(Path.Combine(etc, "clusters.json"), """[{"name": "east", "scheduler_uri": "http://127.0.0.1:1"}, {"name": "west", "scheduler_uri": "http://127.0.0.1:1"}]""");
        await File.WriteAllTextAsync(Path.Combine(home, ".tessera", "clusters.json"), $$"""[{"name": "east", "scheduler_uri": "{{scheduler}}", "master_uri": "http://127.0.0.1:1"}]""");
        var spec = await SpecFileAsync(1, "sleep 300");

        var (code, output, error) = await Tessera(env, "job", "create", key, spec);
        Assert.True(code == 0, output + error);
        Assert.Contains("created east/www-data/test/clustered with 1 instance", output);
        (code, output, error) = await Tessera(env, "job", "diff", key, spec);
        Assert.True(code == 0, output + error);
        Assert.Equal("no changes: east/www-data/test/clustered is as stored\n", output);

        // task logs of an instance finds its task through east's scheduler, then asks east's master (master_uri: nobody there).
        (code, _, error) = await Tessera(env, "task", "logs", $"{key}/0");
        Assert.Equal(3, code);
        Assert.Contains("cannot reach the master at http://127.0.0.1:1/", error);

        // west is only in the system file: unreachable there; an explicit --jobs and $TESSERA_JOBS win over it.
        (code, _, error) = await Tessera(env, "job", "status", "west/www-data/test/clustered");
        Assert.Equal(3, code);
        Assert.Contains("cannot reach the jobs scheduler at http://127.0.0.1:1/", error);
        (code, output, error) = await Tessera(env, "job", "status", "west/www-data/test/none", "--jobs", Cluster.Jobs.Address.Authority);
        Assert.Equal((1, "tessera: key: no job west/www-data/test/none\n"), (code, error));
        (code, _, error) = await Tessera(new Dictionary<string, string?>(env) { ["TESSERA_JOBS"] = Cluster.Jobs.Address.Authority }, "job", "status", "north/www-data/test/none");
        Assert.Equal((1, "tessera: key: no job north/www-data/test/none\n"), (code, error));

        // An unknown cluster names the files searched.
        (code, output, error) = await Tessera(env, "job", "status", "north/www-data/test/clustered");
        Assert.Equal(2, code);
        Assert.Equal($"tessera: job key 'north/www-data/test/clustered': no cluster 'north' in {etc}/clusters.json, {home}/.tessera/clusters.json; define it there (name, scheduler_uri) or give --jobs\n", error);

        // devcluster redefined in the user's file; job list (no key) goes there too.
        await File.WriteAllTextAsync(Path.Combine(home, ".tessera", "clusters.json"), $$"""[{"name": "devcluster", "scheduler_uri": "{{scheduler}}"}]""");
        (code, output, error) = await Tessera(env, "job", "list", "--json");
        Assert.True(code == 0, output + error);
        Assert.Contains("east/www-data/test/clustered", output);

        // A malformed file: exit 2 naming it, even for devcluster.
        await File.WriteAllTextAsync(Path.Combine(home, ".tessera", "clusters.json"), """[{"name": "devcluster"}]""");
        (code, _, error) = await Tessera(env, "job", "status", "devcluster/www-data/test/clustered");
        Assert.Equal(2, code);
        Assert.Equal($"tessera: {home}/.tessera/clusters.json: [0].scheduler_uri: required (the jobs scheduler, http://host:port)\n", error);
    }

    private static Task<(int Code, string Stdout, string Stderr)> Tessera(IReadOnlyDictionary<string, string?> env, params string[] args) =>
        TesseraProcess.RunAsync(TimeSpan.FromSeconds(60), env, args);
}
