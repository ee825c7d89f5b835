using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Health;

/// <summary>
/// Runs a COMMAND check inside the task's container, as Mesos' checker enters the task's
/// namespaces: <c>nsenter --target &lt;init&gt; --pid --mount --ipc --uts --wd=&lt;sandbox&gt; --</c>
/// (the namespaces the containers have), so the check sees the task's private <c>/tmp</c>, its
/// <c>/proc</c> and its processes. The target is the pid namespace's init, found from the
/// launcher's pid (<see cref="NamespaceInit"/>). A task with no container pid runs on the host.
/// </summary>
internal sealed class NamespaceCheckCommandRunner(IReadOnlySet<string> namespaces, HostCheckCommandRunner host, string nsenter = "nsenter") : ICheckCommandRunner
{
    private static readonly string[] Order = ["pid", "mount", "ipc", "uts", "net"];

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
        return host.RunAsync(check, Prefix(nsenter, target, namespaces, check.Sandbox), ct);
    }

    /// <summary>The nsenter argv before the check's own command. Pure.</summary>
    public static IReadOnlyList<string> Prefix(string nsenter, int target, IReadOnlySet<string> namespaces, string sandbox)
    {
        var argv = new List<string> { nsenter, "--target", target.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var ns in Order.Where(namespaces.Contains))
            argv.Add(ns switch { "pid" => "--pid", "mount" => "--mount", "ipc" => "--ipc", "uts" => "--uts", _ => "--net" });
        argv.Add($"--wd={sandbox}");
        argv.Add("--");
        return argv;
    }
}
