using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// Starts containers. Two implementations: <see cref="LinuxContainerizer"/> (cgroups and
/// namespaces through the native launcher) and <see cref="PlainContainerizer"/> (process groups,
/// for hosts without root or cgroups). Container images would be a third: the seam is here.
/// </summary>
internal interface IContainerizer
{
    /// <summary>One line for logs, the banner and the agent's state, e.g. "cgroups v1 (cpu,memory,pids,cpuacct,freezer) + namespaces (pid,mount,ipc,uts)".</summary>
    string Isolation { get; }

    /// <summary>Starts the command; throws <see cref="ContainerLaunchException"/> with a message for the task's status.</summary>
    IContainer Launch(ContainerSpec spec);

    /// <summary>Containers a previous agent run left (to re-attach or to kill); none when this containerizer can't re-attach.</summary>
    IReadOnlyList<AgentContainerCheckpoint> Leftovers();

    /// <summary>Re-attaches to a container a previous agent run started; its Exited tells how it ended, even if that was while the agent was down.</summary>
    IContainer Recover(AgentContainerCheckpoint container);

    /// <summary>
    /// How to run a command inside the running container <paramref name="parent"/> (a nested
    /// container session): its namespaces, its cgroups, its user, the sandbox as the working
    /// directory. Throws <see cref="ContainerLaunchException"/> when it can't be entered.
    /// </summary>
    NestedLaunch Nested(IContainer parent, NestedSpec spec);

    /// <summary>Forgets a container's runtime records once its end has been checkpointed as a status update.</summary>
    void Forget(string containerId);

    /// <summary>
    /// At agent start: removes container cgroups that none of this agent's containers owns and that
    /// are empty and a minute old (<see cref="Isolation.OrphanCgroups"/>); null without cgroups.
    /// </summary>
    Isolation.OrphanCgroups.Outcome? RemoveOrphanCgroups(DateTimeOffset now);
}

/// <summary>A running container.</summary>
internal interface IContainer
{
    string Id { get; }

    /// <summary>The host pid of the container's first process.</summary>
    int Pid { get; }

    /// <summary>Completes when the container's first process has exited and the container is torn down.</summary>
    Task<ContainerExit> Exited { get; }

    /// <summary>SIGTERM to the container's processes, then SIGKILL to all of them after <paramref name="grace"/>.</summary>
    Task KillAsync(TimeSpan grace);

    /// <summary>Resource usage now, or null when the isolation doesn't measure it.</summary>
    ContainerUsage? Usage();

    /// <summary>What a restarted agent needs to re-attach; null when the container can't outlive the agent.</summary>
    AgentContainerCheckpoint? Record { get; }
}

/// <summary>A command to run inside a running container: the nested container's id, what to run, where, as whom, with what environment.</summary>
internal sealed record NestedSpec(string Id, CommandInfo Command, string Sandbox, string? User, IReadOnlyDictionary<string, string> Environment);

/// <summary>
/// The process to start for a nested container, and the launcher's status file (null: the process'
/// own exit status is the command's). With <see cref="KillGroupOnExit"/> the runner SIGKILLs the
/// process' group once it has exited (a plain session leads its own group: what it left in the
/// background goes with it; the Linux launcher does that itself).
/// </summary>
internal sealed record NestedLaunch(System.Diagnostics.ProcessStartInfo Start, string? StatusFile, bool KillGroupOnExit = false)
{
    /// <summary>
    /// Runs <paramref name="argv"/> in <paramref name="sandbox"/> with the default PATH and
    /// <paramref name="environment"/> (nothing else: see <see cref="CleanEnvironment"/>), its output
    /// piped back, stdin closed.
    /// </summary>
    public static NestedLaunch Of(IEnumerable<string> argv, string sandbox, IEnumerable<KeyValuePair<string, string>>? environment, string? statusFile, bool killGroupOnExit = false)
    {
        var all = argv.ToList();
        var start = new System.Diagnostics.ProcessStartInfo(all[0])
        {
            WorkingDirectory = sandbox,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in all.Skip(1)) start.ArgumentList.Add(arg);
        CleanEnvironment.Apply(start, environment);
        return new NestedLaunch(start, statusFile, killGroupOnExit);
    }
}

/// <summary>A launch that could not happen (unknown user, cgroup refused, …); the message goes into TASK_FAILED.</summary>
internal sealed class ContainerLaunchException(string message, Exception? inner = null) : Exception(message, inner);
