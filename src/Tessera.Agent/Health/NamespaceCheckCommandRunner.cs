using Tessera.Agent.Containerizer;
using Tessera.Agent.Isolation;

namespace Tessera.Agent.Health;

/// <summary>
/// Runs a COMMAND check inside the task's container, as Mesos' checker enters the task's
/// namespaces and runs the check as the task's user: <c>/usr/bin/nsenter --target &lt;init&gt;
/// --pid --mount --ipc --uts --wdns=&lt;sandbox&gt; [--setuid U --setgid G] -- /usr/bin/env -i --
/// K=V … command</c> (the namespaces the containers have), so the check sees the task's private
/// <c>/tmp</c>, its <c>/proc</c> and its processes. nsenter runs as root with only the default
/// PATH; the check's variables are set by env after the drop (<see cref="NamespaceEntry.Command"/>).
/// The target is the pid namespace's init, found from the container's pid
/// (<see cref="NamespaceInit"/>), and only while it is in the container's cgroups (a pid may have
/// been reused). A task with no container pid runs on the host.
/// </summary>
/// <param name="nsenter">nsenter's absolute path (<see cref="NamespaceEntry.FindNsenter"/>); null: checks in a container fail with why (126).</param>
internal sealed class NamespaceCheckCommandRunner(IReadOnlySet<string> namespaces, HostCheckCommandRunner host, string? nsenter) : ICheckCommandRunner
{
    /// <summary>The runner for this containerizer: through nsenter when its containers have namespaces, else on the host.</summary>
    public static ICheckCommandRunner For(IContainerizer containerizer) =>
        containerizer is LinuxContainerizer { Namespaces.Count: > 0 } linux
            ? new NamespaceCheckCommandRunner(linux.Namespaces, new HostCheckCommandRunner(), linux.Nsenter)
            : new HostCheckCommandRunner();

    public Task<CheckCommandExit> RunAsync(CheckCommandRequest check, CancellationToken ct)
    {
        if (check.TaskPid is not { } launcher) return host.RunAsync(check, ct);
        if (nsenter is null) return Exit(126, NamespaceEntry.NsenterMissing);
        if (check.ContainerId is not { } containerId)
            return Exit(126, "the task's container is unknown: no pid of it can be checked");
        if (NamespaceInit.EnterableTarget(launcher, namespaces.Contains("pid"), containerId, out var why) is not { } target)
            return Exit(126, $"the task's container {why}");
        (uint Uid, uint Gid)? ids = null;
        if (check.User is { } user && (ids = UserLookup.Find(user)) is null)
            return Exit(126, $"unknown user '{user}': no such user on this agent");
        IReadOnlyList<string> argv;
        try
        {
            argv = NamespaceEntry.Command(nsenter, target, namespaces, check.Sandbox, ids, HostCheckCommandRunner.Environment(check), CommandLine.Argv(check.Command));
        }
        catch (ArgumentException e)
        {
            return Exit(126, e.Message);
        }
        // nsenter itself gets the default PATH only.
        return host.RunArgvAsync(argv, check.Sandbox, environment: null, ct);
    }

    private static Task<CheckCommandExit> Exit(int code, string why) => Task.FromResult(new CheckCommandExit(code, why));
}
