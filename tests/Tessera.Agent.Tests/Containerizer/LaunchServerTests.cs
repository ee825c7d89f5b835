using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Tests.Containerizer;

/// <summary>
/// The launch server with plain launches (no cgroups, no namespaces: no root needed). Each test
/// runs its own server, from a private copy of the launcher (one server per launcher path), so
/// killing it can't disturb the containers of other tests.
/// </summary>
public sealed class LaunchServerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tessera-launch-server-").FullName;
    private readonly LaunchServer _server;

    public LaunchServerTests()
    {
        var launcher = Path.Combine(_dir, "tessera-launch");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "tessera-launch"), launcher);
        _server = LaunchServer.For(launcher);
    }

    [Fact]
    public void AFrameIsItsLengthThenNulTerminatedFields()
    {
        var frame = LaunchServer.Frame("7", ["--status", "/s", "--", "echo", "hé"], new Dictionary<string, string> { ["A"] = "1=2" });
        var body = Encoding.UTF8.GetString(frame.AsSpan(4));
        Assert.Equal((uint)(frame.Length - 4), BinaryPrimitives.ReadUInt32LittleEndian(frame));
        Assert.Equal("7\05\0--status\0/s\0--\0echo\0hé\0A=1=2\0", body);
    }

    [Theory]
    [InlineData("A=B", "x")]
    [InlineData("", "x")]
    [InlineData("A", "x\0y")]
    public void AVariableExecveWouldMisreadIsRefusedByName(string name, string value)
    {
        var refused = Assert.Throws<ContainerLaunchException>(() => LaunchServer.Frame("1", ["--", "true"], new Dictionary<string, string> { [name] = value }));
        Assert.Contains($"environment variable '{name.Replace("\0", "\\0", StringComparison.Ordinal)}'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequestLargerThanTheServerReadsIsRefusedBeforeItIsSent()
    {
        var huge = new Dictionary<string, string> { ["BIG"] = new string('x', LaunchServer.MaxRequest) };
        var refused = Assert.Throws<ContainerLaunchException>(() => LaunchServer.Frame("1", ["--", "true"], huge));
        Assert.Contains($"at most {LaunchServer.MaxRequest}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArgumentWithNulIsRefused()
    {
        var refused = Assert.Throws<ContainerLaunchException>(() => LaunchServer.Frame("1", ["--", "echo", "a\0b"], new Dictionary<string, string>()));
        Assert.Contains("contains NUL", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitCodesSignalsAndTheEnvironmentComeThrough()
    {
        var exit7 = Launch("echo \"$GREETING\"; exit 7", out var files7, new Dictionary<string, string> { ["GREETING"] = "hello there" });
        var killed = Launch("kill -9 $$", out var killedFiles);
        Assert.Equal(7, await exit7.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(137, await killed.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("hello there\n", await File.ReadAllTextAsync(files7.Stdout));
        Assert.Equal("exit 7", await File.ReadAllTextAsync(files7.Status));
        Assert.Equal("signal 9", await File.ReadAllTextAsync(killedFiles.Status));
    }

    [Fact]
    public async Task EveryOneOfManyConcurrentShortLaunchesReportsItsExit()
    {
        // Exits often arrive (on the event pipe) before their launch has registered its pid.
        var launches = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            Enumerable.Range(0, 25).Select(i => Launch($"exit {(t * 25 + i) % 100}", out _)).ToList())));
        var all = launches.SelectMany(l => l).ToList();
        var codes = await Task.WhenAll(all.Select(l => l.Exited)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (int?)(i % 100)).Order(), codes.Order());
    }

    [Fact]
    public async Task WhenTheServerDiesItsContainersAreWatchedByPidAndTheNextLaunchStartsANewServer()
    {
        var running = Launch("sleep 1", out var files);
        var first = _server.ServerPid ?? throw new InvalidOperationException("no server running");
        Assert.True(Signals.Kill(first, 9));
        // The container outlives its server, and its end is still seen (by polling: no exit code).
        Assert.Null(await running.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("exit 0", await File.ReadAllTextAsync(files.Status));
        var next = Launch("exit 3", out _);
        Assert.Equal(3, await next.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.NotEqual(first, _server.ServerPid);
    }

    [Fact]
    public async Task AContainersProcessShowsItsOwnCommandLineNotTheServers()
    {
        var sleeping = Launch("sleep 30", out var files);
        try
        {
            // The child writes its command line right after the clone, which the server has already answered.
            var cmdline = await File.ReadAllTextAsync($"/proc/{sleeping.Pid}/cmdline");
            for (var i = 0; i < 100 && cmdline.Contains("--serve", StringComparison.Ordinal); i++)
            {
                await Task.Delay(20);
                cmdline = await File.ReadAllTextAsync($"/proc/{sleeping.Pid}/cmdline");
            }
            Assert.StartsWith($"tessera-launch\0--stdout\0{files.Stdout}\0", cmdline, StringComparison.Ordinal);
            Assert.Contains("\0--\0/bin/sh\0-c\0sleep 30\0", cmdline, StringComparison.Ordinal);
            Assert.DoesNotContain("--serve", cmdline, StringComparison.Ordinal);
            // Its own session, like the server's: a Ctrl-C at the agent's terminal reaches neither.
            Assert.Equal(sleeping.Pid, SessionOf(sleeping.Pid));
            Assert.Equal(_server.ServerPid, SessionOf(_server.ServerPid!.Value));
            Assert.NotEqual(SessionOf(Environment.ProcessId), SessionOf(sleeping.Pid));
        }
        finally
        {
            // Forwarded to the task's group, which it ends.
            Signals.Kill(sleeping.Pid, Signals.SIGTERM);
        }
        Assert.Equal(143, await sleeping.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task AContainerInheritsNoDescriptorOfTheAgentsButStdio()
    {
        // A descriptor without close-on-exec, open when the server starts, as .NET and its host leave some.
        var leaked = Dup(2);
        Assert.True(leaked > 2);
        try
        {
            var listing = Launch("ls /proc/self/fd", out var files);
            Assert.Equal(0, await listing.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
            var fds = (await File.ReadAllTextAsync(files.Stdout)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
            // 0-2, and the one ls opens to read the folder.
            Assert.DoesNotContain(leaked, fds);
            Assert.True(fds.All(fd => fd <= 3), string.Join(' ', fds));
        }
        finally
        {
            Close(leaked);
        }
    }

    private LaunchServer.Launched Launch(string script, out (string Stdout, string Status) files, IReadOnlyDictionary<string, string>? environment = null)
    {
        var id = Guid.NewGuid().ToString("N");
        files = (Path.Combine(_dir, $"stdout-{id}"), Path.Combine(_dir, $"status-{id}"));
        return _server.Start(["--stdout", files.Stdout, "--stderr", Path.Combine(_dir, $"stderr-{id}"), "--status", files.Status, "--", "/bin/sh", "-c", script],
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["PATH"] = CleanEnvironment.DefaultPath });
    }

    /// <summary>Field 6 of /proc/PID/stat.</summary>
    private static int SessionOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    // DllImport, as in Signals: LibraryImport's generated marshalling would need unsafe code.
    [DllImport("libc", EntryPoint = "dup")]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
