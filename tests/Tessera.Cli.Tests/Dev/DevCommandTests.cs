using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tessera.Cli.Tests.Dev;

/// <summary>`tessera dev` driven as the real executable.</summary>
public sealed partial class DevCommandTests
{
    [GeneratedRegex(@"agent (\d)\s+http://127\.0\.0\.\d+:\d+/ id (\S+):")]
    private static partial Regex AgentLine();

    [Fact]
    public async Task DevStartsStopsCleanlyAndComesBackWithTheSameCluster()
    {
        var data = Directory.CreateTempSubdirectory("tessera-dev-").FullName;
        var port = TesseraProcess.FreePorts(3);
        var args = new[] { "dev", "--agents", "2", "--data-dir", data, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        string firstIds;
        await using (var first = TesseraProcess.Start(args))
        {
            await first.WaitForOutputAsync("stop        Ctrl-C", TimeSpan.FromSeconds(60));
            Assert.Contains($"master      http://127.0.0.1:{port}/", first.Stdout, StringComparison.Ordinal);
            Assert.Contains("isolation   ", first.Stdout, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(data, "logs", "tessera-dev.log"), first.Stdout, StringComparison.Ordinal);
            firstIds = Ids(first.Stdout);
            Assert.Equal(2, firstIds.Split(',').Length);

            var (code, json, _) = await TesseraProcess.RunAsync(TimeSpan.FromSeconds(60), "cluster", "status", "--json", "--master", $"127.0.0.1:{port}");
            Assert.Equal(0, code);
            using var status = JsonDocument.Parse(json);
            Assert.Equal(2, status.RootElement.GetProperty("agents_active").GetInt32());

            Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("tessera dev: stopped; no task was left running", first.Stdout, StringComparison.Ordinal);
        }
        // Without --agents the same data folder brings back both agents.
        await using (var second = TesseraProcess.Start(args.Where((_, i) => i is not (1 or 2)).ToArray()))
        {
            await second.WaitForOutputAsync("stop        Ctrl-C", TimeSpan.FromSeconds(60));
            Assert.Equal(firstIds, Ids(second.Stdout));
            Assert.Equal(0, await second.StopAsync(TimeSpan.FromSeconds(60)));
        }
        Directory.Delete(data, recursive: true);
    }

    [Theory]
    [InlineData("--agents", "0", "--agents must be between 1 and 64, not 0")]
    [InlineData("--isolation", "cgroups/bogus", "--isolation: unknown isolator 'cgroups/bogus'")]
    [InlineData("--ports-from", "65000", "--ports-from must leave 1 × 1000 ports between 1024 and 65535, not start at 65000")]
    [InlineData("--bogus", null, "Unrecognized command or argument '--bogus'")]
    [InlineData("--agent-resources", "cpus:4;ports:[1000-2000]", "--agent-resources: ports are given per agent by --ports-from, not here")]
    [InlineData("--agent-resources", "cpus:x", "--agent-resources: invalid resources at position")]
    public async Task BadArgumentsAreAUsageErrorOnOneLine(string flag, string? value, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TesseraCommand.RunAsync(value is null ? ["dev", flag] : ["dev", flag, value], output, error);
        Assert.Equal(2, code);
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    private static string Ids(string banner) =>
        string.Join(',', AgentLine().Matches(banner).Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}"));
}

/// <summary>`tessera dev --demo`: the README's main job.</summary>
public sealed class DevDemoTests
{
    [Fact]
    public async Task DemoRunsIsolatedTasksAndAHealthCheckedAuroraServiceOnThreeAgents()
    {
        var data = Directory.CreateTempSubdirectory("tessera-demo-").FullName;
        var port = TesseraProcess.FreePorts(4);
        await using var dev = TesseraProcess.Start("dev", "--demo", "--data-dir", data, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ports-from", TesseraProcess.PortsFrom());
        await dev.WaitForOutputAsync("demo: done.", TimeSpan.FromSeconds(180));
        var output = dev.Stdout;
        var agents = System.Text.RegularExpressions.Regex.Matches(output, @"\[\d\]   agent        (\S+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, agents.Count);
        Assert.Equal(3, agents.Distinct().Count());
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(output, @"\[\d\] done").Count);
        Assert.Contains("(its own pid namespace: pid 2)", output, StringComparison.Ordinal);
        Assert.Contains("limited to 32 MB by cgroup", output, StringComparison.Ordinal);
        var (code, status, _) = await TesseraProcess.RunAsync(TimeSpan.FromSeconds(60), "cluster", "status", "--master", $"127.0.0.1:{port}");
        Assert.Equal(0, code);
        Assert.Contains("3 finished", status, StringComparison.Ordinal);
        // The .aurora service: three instances RUNNING (healthy) on three hosts, each serving its page.
        var served = System.Text.RegularExpressions.Regex.Matches(output, @"instance (\d): RUNNING and healthy on (\S+), serving (http://\S+)").ToList();
        Assert.Equal(3, served.Count);
        Assert.Equal(3, served.Select(m => m.Groups[2].Value).Distinct().Count());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var match in served)
            Assert.Equal($"hello world from instance {match.Groups[1].Value}\n", await http.GetStringAsync(new Uri(match.Groups[3].Value)));
        // The service's tasks belong to a checkpointing framework and would outlive the cluster: stop them first.
        var (killed, _, killError) = await TesseraProcess.RunAsync(TimeSpan.FromSeconds(60), "job", "killall", "devcluster/www-data/devel/hello_world", "--jobs", $"127.0.0.1:{port + 3031}");
        Assert.True(killed == 0, killError);
        await TesseraProcess.WaitForNoContainersAsync(data, TimeSpan.FromSeconds(60));
        Assert.Equal(0, await dev.StopAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("tessera dev: stopped; no task was left running", dev.Stdout, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }
}
