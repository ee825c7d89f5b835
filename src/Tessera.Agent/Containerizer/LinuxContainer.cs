using Tessera.Agent.Isolation;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// A container started by <see cref="LinuxContainerizer"/>: the launcher's pid, its cgroups and
/// its runtime folder. When the launcher exits, whatever is left in the cgroups is killed (a
/// daemon the task forked doesn't outlive it), the OOM counters are read, and the cgroups go.
/// </summary>
internal sealed class LinuxContainer : IContainer
{
    private readonly ContainerCgroups _cgroups;
    private readonly string _runtime;

    /// <param name="launcherExited">Completes with the launcher's exit code, or null when it is unknown (a re-attached container is not our child).</param>
    public LinuxContainer(string id, int pid, ContainerCgroups cgroups, string runtime, Task<int?> launcherExited)
    {
        Id = id;
        Pid = pid;
        _cgroups = cgroups;
        _runtime = runtime;
        Exited = FinishAsync(launcherExited);
    }

    public string Id { get; }

    public int Pid { get; }

    public Task<ContainerExit> Exited { get; }

    public ContainerUsage? Usage() => _cgroups.Usage();

    /// <summary>The <c>cgroup.procs</c> files of the container's cgroups (a nested session joins them).</summary>
    public IReadOnlyList<string> ProcsFiles => _cgroups.ProcsFiles;

    /// <summary>The container's runtime folder (status file; nested sessions' status files under <c>nested/</c>).</summary>
    public string Runtime => _runtime;

    public Tessera.Core.AgentLink.AgentContainerCheckpoint? Record { get; init; }

    public async Task KillAsync(TimeSpan grace)
    {
        // The launcher forwards SIGTERM to the task's process group.
        Signals.Kill(Pid, Signals.SIGTERM);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) == Exited) return;
        await _cgroups.KillAllAsync();
    }

    private async Task<ContainerExit> FinishAsync(Task<int?> launcherExited)
    {
        var code = await launcherExited;
        var limitation = _cgroups.Limitation();
        if (_cgroups.AnyProcess) await _cgroups.KillAllAsync();
        await _cgroups.DestroyAsync();
        var exit = ContainerExit.FromStatusText(ReadStatus()) ?? code switch
        {
            // No status file: the launcher failed before it could write one (its message is on the agent's stderr), or was killed.
            125 => new ContainerExit(null, null, LaunchError: "the launcher failed before the command started (exit 125); see the agent's log"),
            { } known => ContainerExit.FromShellStatus(known),
            null => new ContainerExit(null, 9),
        };
        return exit with { Limitation = limitation };
    }

    /// <summary>The launcher's status file (a few bytes on tmpfs: read synchronously, a thread hop costs more than the read).</summary>
    private string? ReadStatus()
    {
        try
        {
            return File.ReadAllText(Path.Combine(_runtime, "status"));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
