using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Health;

/// <summary>
/// Runs a COMMAND check inside the task's container, as Mesos' checker enters the task's
/// namespaces: <c>nsenter --target &lt;init&gt; --pid --mount --ipc --uts --wdns=&lt;sandbox&gt; --</c>
/// (the namespaces the containers have), so the check sees the task's private <c>/tmp</c>, its
/// <c>/proc</c> and its processes. The target is the pid namespace's init, found from the
/// launcher's pid (<see cref="NamespaceInit"/>); the argv comes from <see cref="NamespaceEntry"/>.
/// A task with no container pid runs on the host.
/// </summary>
internal sealed class NamespaceCheckCommandRunner(IReadOnlySet<string> namespaces, HostCheckCommandRunner host, string nsenter = NamespaceEntry.Nsenter) : ICheckCommandRunner
{
    /// <summary>The runner for this containerizer: through nsenter when its containers have namespaces, else on the host.</summary>
    public static ICheckCommandRunner For(IContainerizer containerizer) =>
        containerizer is LinuxContainerizer { Namespaces.Count: > 0 } linux
            ? new NamespaceCheckCommandRunner(linux.Namespaces, new HostCheckCommandRunner())
            : new HostCheckCommandRunner();

    public Task<CheckCommandExit> RunAsync(CheckCommandRequest check, CancellationToken ct)
    {
        if (check.TaskPid is not { } launcher) return host.RunAsync(check, ct);
        if (NamespaceInit.Target(launcher, namespaces.Contains("pid")) is not { } target)
            return Task.FromResult(new CheckCommandExit(126, "the task's container has no process to enter"));
        return host.RunAsync(check, NamespaceEntry.Prefix(nsenter, target, namespaces, check.Sandbox), ct);
    }
}
