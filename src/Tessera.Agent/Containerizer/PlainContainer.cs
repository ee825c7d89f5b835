using System.Diagnostics;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// A container without isolation: the command runs under <c>setsid</c> so it leads its own process
/// group, which is what a kill signals. A process that leaves the group (another setsid) escapes
/// the kill here; only the Linux containerizer's cgroups close that gap. Output goes to
/// <c>stdout</c> and <c>stderr</c> in the sandbox.
/// </summary>
internal sealed class PlainContainer : IContainer
{
    private readonly Process _process;
    private readonly Task _pumps;

    private PlainContainer(string id, Process process, Task pumps)
    {
        Id = id;
        _process = process;
        _pumps = pumps;
        Exited = WaitAsync();
    }

    public string Id { get; }

    public int Pid => _process.Id;

    public Task<ContainerExit> Exited { get; }

    public ContainerUsage? Usage() => null;

    public Tessera.Core.AgentLink.AgentContainerCheckpoint? Record => null;

    public static PlainContainer Start(string id, CommandInfo command, string sandbox, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = sandbox,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--");
        foreach (var arg in CommandLine.Argv(command)) start.ArgumentList.Add(arg);
        CleanEnvironment.Apply(start, environment);
        var process = Process.Start(start) ?? throw new InvalidOperationException("process did not start");
        process.StandardInput.Close();
        var pumps = Task.WhenAll(
            Pump(process.StandardOutput.BaseStream, Path.Combine(sandbox, "stdout")),
            Pump(process.StandardError.BaseStream, Path.Combine(sandbox, "stderr")));
        return new PlainContainer(id, process, pumps);
    }

    /// <summary>SIGTERM to the whole group, then SIGKILL after <paramref name="grace"/> if anything is left.</summary>
    public async Task KillAsync(TimeSpan grace)
    {
        Signals.KillGroup(Pid, Signals.SIGTERM);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited || Signals.KillGroup(Pid, 0))
            Signals.KillGroup(Pid, Signals.SIGKILL);
    }

    private async Task<ContainerExit> WaitAsync()
    {
        await _process.WaitForExitAsync();
        // Grandchildren may hold the pipes; don't wait on them for ever.
        await Task.WhenAny(_pumps, Task.Delay(TimeSpan.FromSeconds(2)));
        return ContainerExit.FromShellStatus(_process.ExitCode);
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
