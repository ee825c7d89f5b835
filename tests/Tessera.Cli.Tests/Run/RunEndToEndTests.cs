using System.Diagnostics;
using Tessera.Agent.Tests;

namespace Tessera.Cli.Tests.Run;

/// <summary><c>tessera run</c> against a real master and a real agent on loopback.</summary>
public sealed class RunEndToEndTests
{
    private static async Task<(int Code, string Out, string Err)> Run(AgentFixture cluster, string[] args, CancellationToken ct = default)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await TesseraCommand.RunAsync(["run", "--master", cluster.Master.Address.ToString(), .. args], stdout, stderr, ct)
            .WaitAsync(TimeSpan.FromSeconds(60));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task ExitsWithTheTasksCodeAndStreamsItsOutput()
    {
        await using var cluster = await AgentFixture.StartAsync();
        var (code, output, error) = await Run(cluster, ["--", "sh", "-c", "echo hi; echo oops >&2; exit 3"]);
        Assert.True(code == 3, $"exit {code}\nstdout:\n{output}\nstderr:\n{error}");
        Assert.Equal("hi\n", output);
        Assert.Contains("oops", error);
        Assert.Contains("task sh: TASK_RUNNING on 127.0.0.1 (", error);
        Assert.Contains("task sh: TASK_FAILED", error);
        Assert.Contains("Command exited with status 3", error);
    }

    [Fact]
    public async Task OneWordIsAShellCommandWithTheEnvironment()
    {
        await using var cluster = await AgentFixture.StartAsync();
        var (code, output, error) = await Run(cluster, ["--name", "greet", "--env", "WHO=world", "--ports", "1", "--", "echo hello $WHO on $PORT0"]);
        Assert.True(code == 0, $"exit {code}\nstderr:\n{error}");
        Assert.Matches(@"^hello world on 3\d{4}\n$", output);
        Assert.Contains("task greet: TASK_FINISHED", error);
    }

    [Fact]
    public async Task SeveralInstancesArePrefixedAndGiveTheFirstNonZeroCode()
    {
        await using var cluster = await AgentFixture.StartAsync();
        var (code, output, error) = await Run(cluster, ["--instances", "2", "--cpus", "0.1", "--mem", "32", "--", "sh", "-c", "echo line; [ \"$PORT\" = \"\" ] && exit 5"]);
        Assert.True(code == 5, $"exit {code}\nstdout:\n{output}\nstderr:\n{error}");
        Assert.Contains("[0] line\n", output);
        Assert.Contains("[1] line\n", output);
    }

    [Fact]
    public async Task AnAskNoAgentCanEverHoldFailsAtOnceWithTheAmounts()
    {
        await using var cluster = await AgentFixture.StartAsync();
        var started = Stopwatch.StartNew();
        var (code, output, error) = await Run(cluster, ["--mem", "100000", "--", "true"]);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal("tessera: cannot place true: asks mem 100000 MB, the largest agent has 4096 MB in total", error.TrimEnd());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AnAskThatWaitsForBusyResourcesSaysSoAndTimesOut()
    {
        await using var cluster = await AgentFixture.StartAsync("cpus:1;mem:1024;disk:100;ports:[31000-31010]");
        using var hog = new CancellationTokenSource();
        var hogging = Run(cluster, ["--cpus", "1", "--", "sleep 60"], hog.Token);
        await WaitForRunningAsync(cluster);
        var (code, _, error) = await Run(cluster, ["--cpus", "0.5", "--timeout", "3secs", "--", "true"]);
        await hog.CancelAsync();
        await hogging;
        Assert.Equal(1, code);
        Assert.Contains("waiting: asks cpus 0.5, the most free on any agent is 0 (1 agent)", error);
        Assert.Contains("tessera: timed out after 3secs", error);
    }

    [Fact]
    public async Task InterruptKillsTheTaskAndTearsDown()
    {
        await using var cluster = await AgentFixture.StartAsync();
        using var interrupt = new CancellationTokenSource();
        var running = Run(cluster, ["--", "sleep 60"], interrupt.Token);
        await WaitForRunningAsync(cluster);
        await interrupt.CancelAsync();
        var (code, _, error) = await running;
        Assert.Equal(1, code);
        Assert.Contains("interrupted; killing 1 task", error);
        Assert.Contains("TASK_KILLED", error);
        using var client = new Tessera.Cli.Client.OperatorClient(cluster.Master.Address);
        var frameworks = (await client.CallAsync(new() { Type = Tessera.Core.Protocol.Operator.OperatorCallType.GET_FRAMEWORKS }, CancellationToken.None)).GetFrameworks;
        Assert.Empty(frameworks?.Frameworks ?? []);
    }

    [Fact]
    public async Task TheRealExecutableRunsATask()
    {
        await using var cluster = await AgentFixture.StartAsync();
        var dll = Path.Combine(AppContext.BaseDirectory, "tessera.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "run", "--master", cluster.Master.Address.ToString(), "--", "sh", "-c", "echo from-process; exit 7" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 7, $"exit {process.ExitCode}\nstdout:\n{await output}\nstderr:\n{await error}");
        Assert.Equal("from-process\n", await output);
    }

    /// <summary>Waits until the master reports a running task.</summary>
    private static async Task WaitForRunningAsync(AgentFixture cluster)
    {
        using var client = new Tessera.Cli.Client.OperatorClient(cluster.Master.Address);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var tasks = (await client.CallAsync(new() { Type = Tessera.Core.Protocol.Operator.OperatorCallType.GET_TASKS }, CancellationToken.None)).GetTasks;
            if (tasks?.Tasks?.Any(t => t.State == Tessera.Core.Protocol.TaskState.TASK_RUNNING) == true) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("no task reached TASK_RUNNING");
    }
}
