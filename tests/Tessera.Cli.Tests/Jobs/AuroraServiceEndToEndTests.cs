using System.Globalization;
using Tessera.Cli.Tests.Dev;
using Tessera.Jobs.Api;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>
/// The whole path as a user takes it, all real processes: `tessera dev --agents 3`, then
/// `tessera job create --wait-until RUNNING` with examples/jobs/hello_world.aurora (loaded by
/// python3, mapped to a job spec, placed by its constraints agent in 1,2,3 and one instance per
/// host, run by the process-tree executor in isolated containers, RUNNING once its HTTP health
/// check passes), and each instance serving its page and /health on the port it was given.
/// </summary>
public sealed class AuroraServiceEndToEndTests
{
    [Fact]
    public async Task TheExampleServiceRunsThreeInstancesThatServeTheirPages()
    {
        var data = Directory.CreateTempSubdirectory("tessera-jobs-e2e-").FullName;
        var port = TesseraProcess.FreePorts(4);
        var jobsPort = port + 3031;
        await using var dev = TesseraProcess.Start("dev", "--agents", "3", "--data-dir", data, "--port", port.ToString(CultureInfo.InvariantCulture), "--ports-from", TesseraProcess.PortsFrom());
        await dev.WaitForOutputAsync("stop        Ctrl-C", TimeSpan.FromSeconds(60));
        var jobs = $"127.0.0.1:{jobsPort}";
        const string Key = "devcluster/www-data/devel/hello_world";
        var (code, output, error) = await TesseraProcess.RunAsync(TimeSpan.FromSeconds(120), "job", "create", Key, Example("hello_world.aurora"), "--jobs", jobs, "--wait-until", "RUNNING");
        Assert.True(code == 0, output + error);
        Assert.Contains($"{Key}: every instance RUNNING (RUNNING 3)", output, StringComparison.Ordinal);

        JobStatus? status = null;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var (_, json, _) = await TesseraProcess.RunAsync(TimeSpan.FromSeconds(60), "job", "status", Key, "--jobs", jobs, "--json");
            status = System.Text.Json.JsonSerializer.Deserialize(json, JobsApiJsonContext.Default.JobStatus);
            if (status!.InstanceStatuses.Count(i => i.Status == Tessera.Jobs.Scheduling.ScheduleStatus.RUNNING) == 3) break;
            await Task.Delay(500);
        }
        Assert.NotNull(status);
        Assert.Equal(3, status.InstanceStatuses.Count(i => i.Status == Tessera.Jobs.Scheduling.ScheduleStatus.RUNNING));
        Assert.Equal(3, status.InstanceStatuses.Select(i => i.Hostname).Distinct().Count());

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var instance in status.InstanceStatuses)
        {
            var served = instance.Ports!["http"];
            var page = await Eventually(() => http.GetStringAsync(new Uri($"http://127.0.0.1:{served}/")));
            Assert.Equal($"hello world from instance {instance.Instance}\n", page);
            Assert.Equal("ok", await http.GetStringAsync(new Uri($"http://127.0.0.1:{served}/health")));
        }

        (code, output, error) = await TesseraProcess.RunAsync(TimeSpan.FromSeconds(60), "job", "killall", Key, "--jobs", jobs);
        Assert.True(code == 0, output + error);
        await TesseraProcess.WaitForNoContainersAsync(data, TimeSpan.FromSeconds(60));
        Assert.Equal(0, await dev.StopAsync(TimeSpan.FromSeconds(60)));
        Directory.Delete(data, recursive: true);
    }

    private static async Task<string> Eventually(Func<Task<string>> get)
    {
        // RUNNING means the first process started; the server may need a moment to listen.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await get();
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    private static string Example(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tessera.slnx")))
                return Path.Combine(dir.FullName, "examples", "jobs", name);
        throw new InvalidOperationException("the repository root (Tessera.slnx) is not above the test output");
    }
}
