using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

/// <summary>
/// Regressions for reliability-probe finding 5: a config's output is bounded (800 MB of stderr took
/// the CLI to 3.3 GB), and everything a config starts is killed when its evaluation ends, a
/// double-forked daemon that left the session included.
/// </summary>
public sealed class ConfigEvaluationTests
{
    private const string Good = """
        jobs = [Job(cluster = 'c', role = 'r', environment = 'test', name = 'n',
                    task = Task(processes = [Process(name = 'main', cmdline = 'true')], resources = Resources(cpu = 1, ram = 64 * MB, disk = 64 * MB)))]
        """;

    /// <summary>A config that starts a daemon (fork, setsid, fork) which writes its pid to <paramref name="pidFile"/> and sleeps.</summary>
    private static string Daemon(string pidFile) => $$"""
        import os, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                open('{{pidFile}}', 'w').write(str(os.getpid()))
                time.sleep(600)
            os._exit(0)
        while not os.path.exists('{{pidFile}}'):
            time.sleep(0.01)
        time.sleep(0.1)

        """;

    private static async Task<bool> GoneAsync(string pidFile)
    {
        var pid = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 100 && File.Exists($"/proc/{pid}/stat") && !Zombie(pid); i++) await Task.Delay(20);
        return !File.Exists($"/proc/{pid}/stat") || Zombie(pid);
    }

    private static bool Zombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    [Fact]
    public async Task ADaemonStartedByAConfigDoesNotOutliveItsEvaluation()
    {
        using var files = new ConfigFiles();
        var pidFile = Path.Combine(files.Root, "daemon.pid");
        var path = files.Write("daemon.aurora", Daemon(pidFile) + Good);

        // A loader that waits for the pipes the daemon holds open hangs for its whole 600 s sleep.
        var result = await ConfigFiles.LoadAsync(path).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.True(await GoneAsync(pidFile), "the config's daemon is still running");
    }

    [Fact]
    public async Task OnTimeoutEverythingTheConfigStartedIsKilled()
    {
        using var files = new ConfigFiles();
        var pidFile = Path.Combine(files.Root, "daemon.pid");
        var path = files.Write("loop.aurora", Daemon(pidFile) + "while True:\n    pass\n");

        var result = await ConfigFiles.LoadAsync(path, options: new ConfigLoadOptions { Timeout = TimeSpan.FromSeconds(2) });

        var error = Assert.Single(result.Errors);
        Assert.Equal("timeout", error.Rule);
        Assert.True(await GoneAsync(pidFile), "the config's daemon survived the timeout");
    }

    [Fact]
    public async Task HugeStderrIsCountedNotKeptAndItsTailIsShown()
    {
        using var files = new ConfigFiles();
        var path = files.Write("noisy.aurora", """
            import sys
            chunk = 'x' * (1024 * 1024)
            for _ in range(300):
                sys.stderr.write(chunk)
            sys.stderr.write('\nthe end of the noise\n')
            sys.stderr.flush()
            import os
            os._exit(3)
            """);

        var result = await ConfigFiles.LoadAsync(path);

        var error = Assert.Single(result.Errors);
        Assert.Contains("300 MB to stderr (only the last 16 KB were kept)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the end of the noise", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 4000, $"the message is {error.Message.Length} characters");
    }

    [Fact]
    public async Task WhereCgroupsCanBeMadeTheEvaluationRunsInItsOwnAndItIsRemoved()
    {
        using var files = new ConfigFiles();
        var path = files.Write("where.aurora", "raise ValueError(open('/proc/self/cgroup').read())\n");
        var mount = File.ReadLines("/proc/self/mountinfo").Select(l => l.Split(" - ")).Where(p => p.Length == 2 && p[1].StartsWith("cgroup2 ", StringComparison.Ordinal))
            .Select(p => p[0].Split(' ')[4]).FirstOrDefault();
        var canMake = mount is not null && Environment.UserName == "root";

        var result = await ConfigFiles.LoadAsync(path);

        var error = Assert.Single(result.Errors);
        var own = System.Text.RegularExpressions.Regex.Match(error.Message, "/(tessera-config-[0-9a-f-]+)");
        Assert.Equal(canMake, own.Success);
        // Only its own: other tests' evaluations may be running beside this one.
        if (own.Success) Assert.False(Directory.Exists(Path.Combine(mount!, own.Groups[1].Value)), own.Groups[1].Value);
    }
}

/// <summary>The bounded reader behind the evaluation's output.</summary>
public sealed class OutputCaptureTests
{
    [Fact]
    public async Task TailKeepsTheLastBytesAndCountsAll()
    {
        var capture = OutputCapture.Tail(8);
        await capture.ReadAsync(new MemoryStream(System.Text.Encoding.ASCII.GetBytes("0123456789abcdef")), CancellationToken.None);

        Assert.Equal(16, capture.Total);
        Assert.Equal("89abcdef", capture.Text());
    }

    [Fact]
    public async Task TailKeepsTheLastBytesWhenSmallReadsWrapAroundIt()
    {
        var capture = OutputCapture.Tail(8);
        await capture.ReadAsync(new TrickleStream(System.Text.Encoding.ASCII.GetBytes("0123456789abcdefghij"), 3), CancellationToken.None);

        Assert.Equal(20, capture.Total);
        Assert.Equal("cdefghij", capture.Text());
    }

    [Fact]
    public async Task HeadKeepsTheFirstBytesAndCountsAll()
    {
        var capture = OutputCapture.Head(4);
        await capture.ReadAsync(new MemoryStream(System.Text.Encoding.ASCII.GetBytes("0123456789")), CancellationToken.None);

        Assert.Equal(10, capture.Total);
        Assert.Equal("0123", capture.Text());
    }
}

/// <summary>A stream that hands out at most <c>chunk</c> bytes per read, as a pipe may.</summary>
internal sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
}
