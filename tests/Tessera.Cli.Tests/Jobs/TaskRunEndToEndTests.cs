using System.Globalization;
using Tessera.Cli.Tests.Dev;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>
/// `tessera task run` and `tessera task logs --process` on a Tessera Jobs job, all real processes:
/// `tessera dev --agents 2`, a two-instance job run by the Thermos executor in isolated containers,
/// commands entered into its containers through the agents' nested container sessions, and the
/// executor's per-process logs read through the files API.
/// </summary>
public sealed class TaskRunEndToEndTests
{
    private const string Config = """
        talk = Process(
          name = 'talk',
          cmdline = 'echo "out {{mesos.instance}}"; echo "err {{mesos.instance}}" >&2; exec sleep 600')

        jobs = [
          Service(
            cluster = 'devcluster',
            role = 'www-data',
            environment = 'devel',
            name = 'talker',
            instances = 2,
            task = Task(name = 'talker', processes = [talk], resources = Resources(cpu = 0.1, ram = 32 * MB, disk = 32 * MB))),
        ]
        """;

    [Fact]
    public async Task TaskRunEntersTheInstancesContainersAndTaskLogsReadsAProcessLog()
    {
        var data = Directory.CreateTempSubdirectory("tessera-taskrun-e2e-").FullName;
        var config = Path.Combine(data, "talker.aurora");
        await File.WriteAllTextAsync(config, Config);
        var port = TesseraProcess.FreePorts(3);
        var jobs = $"127.0.0.1:{port + 3031}";
        await using var dev = TesseraProcess.Start("dev", "--agents", "2", "--data-dir", Path.Combine(data, "dev"), "--port", port.ToString(CultureInfo.InvariantCulture), "--ports-from", TesseraProcess.PortsFrom());
        await dev.WaitForOutputAsync("stop        Ctrl-C", TimeSpan.FromSeconds(60));
        var master = $"127.0.0.1:{port}";
        const string Key = "devcluster/www-data/devel/talker";
        Task<(int Code, string Out, string Err)> Cli(params string[] args) =>
            // The options go before the words after '--', which are the command's.
            TesseraProcess.RunAsync(TimeSpan.FromSeconds(60), [.. args[..2], "--jobs", jobs, "--master", master, .. args[2..]]);

        var (code, output, error) = await Cli("job", "create", Key, config);
        Assert.True(code == 0, output + error);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JobStatus? status = null;
        while (DateTime.UtcNow < deadline)
        {
            var (_, json, _) = await Cli("job", "status", Key, "--json");
            status = System.Text.Json.JsonSerializer.Deserialize(json, JobsApiJsonContext.Default.JobStatus);
            if (status!.InstanceStatuses.Count(i => i.Status == ScheduleStatus.RUNNING) == 2) break;
            await Task.Delay(500);
        }
        Assert.Equal(2, status!.InstanceStatuses.Count(i => i.Status == ScheduleStatus.RUNNING));

        // The process' own log, through the files API (it may take a moment to be written).
        for (var i = 0; i < 40; i++)
        {
            (code, output, error) = await Cli("task", "logs", $"{Key}/0", "--process", "talk");
            if (code == 0 && output.Length > 0) break;
            await Task.Delay(250);
        }
        Assert.True(code == 0, error);
        Assert.Equal("out 0\n", output);
        (code, output, error) = await Cli("task", "logs", $"{Key}/1", "--process", "talk", "--stderr");
        Assert.True(code == 0, error);
        Assert.Equal("err 1\n", output);
        (code, _, error) = await Cli("task", "logs", $"{Key}/0", "--process", "nope");
        Assert.Equal(1, code);
        Assert.Contains("has no process 'nope'; its processes: talk", error, StringComparison.Ordinal);

        // One instance: in its container (pid 1 is the container's init), in its sandbox, its exit code.
        (code, output, error) = await Cli("task", "run", $"{Key}/0", "--", "sh", "-c",
            "cat /proc/1/comm; [ \"$(pwd)\" = \"$MESOS_SANDBOX\" ] && echo in-sandbox; pgrep -x sleep | wc -l; cat .logs/talk/0/stdout; echo oops >&2; exit 7");
        Assert.True(code == 7, $"{code}: {output} {error}");
        Assert.Equal(["tessera-launch", "in-sandbox", "1", "out 0"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("oops\n", error);

        // The whole job: each instance in turn, lines prefixed with the instance; one shell string.
        (code, output, error) = await Cli("task", "run", Key, "--", "cat .logs/talk/0/stdout");
        Assert.True(code == 0, error);
        Assert.Equal([$"[{Key}/0] out 0", $"[{Key}/1] out 1"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        (code, _, error) = await Cli("task", "run", $"{Key}/5", "--", "true");
        Assert.Equal(1, code);
        Assert.Contains("has no instance 5", error, StringComparison.Ordinal);

        (code, output, error) = await Cli("job", "killall", Key);
        Assert.True(code == 0, output + error);
        await TesseraProcess.WaitForNoContainersAsync(data, TimeSpan.FromSeconds(60));
        Assert.Equal(0, await dev.StopAsync(TimeSpan.FromSeconds(60)));
        Directory.Delete(data, recursive: true);
    }
}
