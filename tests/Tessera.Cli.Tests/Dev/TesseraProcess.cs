using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tessera.Cli.Tests.Dev;

/// <summary>The real `tessera` executable (tessera.dll under dotnet) as a process, its output collected.</summary>
internal sealed class TesseraProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private TesseraProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
    }

    public int Pid => _process.Id;

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public static TesseraProcess Start(params string[] args) => Start(new Dictionary<string, string?>(), args);

    /// <summary>Starts it with <paramref name="environment"/> set over this process's (a null value removes the variable).</summary>
    public static TesseraProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tessera.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = new TesseraProcess(new Process { StartInfo = start });
        process._process.Start();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs to the end (killed after <paramref name="timeout"/>): exit code and output.</summary>
    public static Task<(int Code, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, params string[] args) =>
        RunAsync(timeout, new Dictionary<string, string?>(), args);

    /// <summary>Runs to the end with <paramref name="environment"/> set (see <see cref="Start(IReadOnlyDictionary{string, string?}, string[])"/>).</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var process = Start(environment, args);
        var code = await process.WaitAsync(timeout);
        return (code, process.Stdout, process.Stderr);
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Stdout.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) throw new InvalidOperationException($"tessera exited ({_process.ExitCode}) before printing '{text}'\n{Stdout}\n{Stderr}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"tessera did not print '{text}' in {timeout}\n{Stdout}\n{Stderr}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGTERM (what Ctrl-C does too), then the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Kill(_process.Id, 15);
        return await WaitAsync(timeout);
    }

    /// <summary>SIGKILL: the process gets no chance to clean up (its children are left alone).</summary>
    public async Task KillHardAsync()
    {
        Kill(_process.Id, 9);
        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tessera did not exit in {timeout}\n{Stdout}\n{Stderr}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>
    /// Waits until no container launched under <paramref name="dataDir"/> is alive. `job killall`
    /// answers once the kills are sent; stopping the dev cluster before they land would keep the
    /// tasks of the (checkpointing) jobs framework running, holding their ports for the next test.
    /// </summary>
    public static async Task WaitForNoContainersAsync(string dataDir, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (System.Diagnostics.Process.GetProcessesByName("tessera-launch").Any(p => Cmdline(p.Id).Contains(dataDir, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"containers under {dataDir} still alive after {timeout}");
            await Task.Delay(200);
        }
    }

    private static string Cmdline(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static int _portRanges;

    /// <summary>
    /// A <c>--ports-from</c> for a dev cluster of up to 3 agents: test classes run in parallel, and
    /// two dev clusters offering the same ports would hand one port to two tasks. Below 20000, where
    /// <see cref="FreePorts"/> picks the clusters' own ports.
    /// </summary>
    public static string PortsFrom() =>
        (10000 + Interlocked.Increment(ref _portRanges) % 3 * 3000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A base port with <paramref name="count"/> free ports after it.</summary>
    public static int FreePorts(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var start = Random.Shared.Next(20000, 29000);
            if (Enumerable.Range(start, count).All(IsFree)) return start;
        }
        throw new InvalidOperationException($"no {count} consecutive free ports");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
