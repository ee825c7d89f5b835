using System.Globalization;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// How a command enters a running Linux container's namespaces: <c>nsenter --target &lt;init&gt;
/// --pid --mount --ipc --uts [--net] --wdns=&lt;sandbox&gt; [--setuid U --setgid G] --</c>, the
/// namespaces the containers have, in that order. Used by COMMAND health checks
/// (<see cref="Health.NamespaceCheckCommandRunner"/>) and nested container sessions
/// (<see cref="LinuxContainerizer.Nested"/>). The target comes from <see cref="NamespaceInit"/>.
/// </summary>
internal static class NamespaceEntry
{
    public const string Nsenter = "nsenter";

    private static readonly string[] Order = ["pid", "mount", "ipc", "uts", "net"];

    /// <summary>The nsenter argv before the command's own. With <paramref name="user"/>, nsenter drops to that uid/gid after entering (and clears supplementary groups). Pure.</summary>
    public static IReadOnlyList<string> Prefix(string nsenter, int target, IReadOnlySet<string> namespaces, string sandbox, (uint Uid, uint Gid)? user = null)
    {
        var argv = new List<string> { nsenter, "--target", target.ToString(CultureInfo.InvariantCulture) };
        foreach (var ns in Order.Where(namespaces.Contains))
            argv.Add(ns switch { "pid" => "--pid", "mount" => "--mount", "ipc" => "--ipc", "uts" => "--uts", _ => "--net" });
        // In a mount namespace the folder is looked up there (--wdns), so the command's cwd is the
        // container's view of the sandbox (getcwd works, a sandbox under /tmp is the bound one).
        argv.Add(namespaces.Contains("mount") ? $"--wdns={sandbox}" : $"--wd={sandbox}");
        if (user is { } id)
        {
            argv.Add("--setuid"); argv.Add(id.Uid.ToString(CultureInfo.InvariantCulture));
            argv.Add("--setgid"); argv.Add(id.Gid.ToString(CultureInfo.InvariantCulture));
        }
        argv.Add("--");
        return argv;
    }
}
