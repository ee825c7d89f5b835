using System.Diagnostics;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// A command task run by the agent itself as a plain process (no .NET executor per task: see
/// DESIGN, a runtime start costs ~110 ms of CPU). It runs under <c>setsid</c> so it leads its own
/// process group, which is what a kill signals, so nothing escapes by forking. Output goes to
/// <c>stdout</c> and <c>stderr</c> in the sandbox. Isolation with cgroups and namespaces comes with
/// the containerizer work; this is the plain-process path the design keeps for hosts without them.
/// </summary>
internal sealed class CommandProcess
{
    private readonly Process _process;
    private readonly Task _pumps;

    private CommandProcess(Process process, Task pumps)
    {
        _process = process;
        _pumps = pumps;
        Exited = WaitAsync();
    }

    public int Pid => _process.Id;

    /// <summary>Completes with the exit code (128 + signal when a signal ended it).</summary>
    public Task<int> Exited { get; }

    public static CommandProcess Start(CommandInfo command, string sandbox, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = sandbox,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (command.Shell != false)
        {
            start.ArgumentList.Add("/bin/sh");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(command.Value ?? "");
        }
        else
        {
            start.ArgumentList.Add(command.Value ?? throw new ArgumentException("'command.value' is required when shell is false"));
            foreach (var arg in command.Arguments?.Skip(1) ?? []) start.ArgumentList.Add(arg);
        }
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("process did not start");
        process.StandardInput.Close();
        var pumps = Task.WhenAll(
            Pump(process.StandardOutput.BaseStream, Path.Combine(sandbox, "stdout")),
            Pump(process.StandardError.BaseStream, Path.Combine(sandbox, "stderr")));
        return new CommandProcess(process, pumps);
    }

    /// <summary>SIGTERM to the whole group, then SIGKILL after <paramref name="grace"/> if anything is left.</summary>
    public async Task KillAsync(TimeSpan grace)
    {
        Signals.KillGroup(Pid, Signals.SIGTERM);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited || Signals.KillGroup(Pid, 0))
            Signals.KillGroup(Pid, Signals.SIGKILL);
    }

    private async Task<int> WaitAsync()
    {
        await _process.WaitForExitAsync();
        // Grandchildren may hold the pipes; don't wait on them for ever.
        await Task.WhenAny(_pumps, Task.Delay(TimeSpan.FromSeconds(2)));
        return _process.ExitCode;
    }

    private static async Task Pump(Stream from, string path)
    {
        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var buffer = new byte[16384];
        int n;
        while ((n = await from.ReadAsync(buffer)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, n));
            await file.FlushAsync();
        }
    }
}
