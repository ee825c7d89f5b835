using System.Globalization;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// How a command enters a running Linux container's namespaces: <c>/usr/bin/nsenter --target
/// &lt;init&gt; --pid --mount --ipc --uts [--net] --wdns=&lt;sandbox&gt; [--setuid U --setgid G] --
/// /usr/bin/env -i -- K=V … command</c>, the namespaces the containers have, in that order. nsenter
/// runs as root, so it is found once by absolute path (<see cref="FindNsenter"/>) and gets only the
/// default PATH as its environment; the command's variables reach it through env(1) after the drop
/// (<see cref="CleanEnvironment.ThroughEnv"/>). Used by COMMAND health checks
/// (<see cref="Health.NamespaceCheckCommandRunner"/>) and nested container sessions
/// (<see cref="LinuxContainerizer.Nested"/>). The target comes from <see cref="NamespaceInit"/>.
/// </summary>
internal static class NamespaceEntry
{
    /// <summary>The namespaces a container can have, in the order the launcher unshares and nsenter enters them.</summary>
    public static readonly IReadOnlyList<string> Order = ["pid", "mount", "ipc", "uts", "net"];

    /// <summary>What to tell when <see cref="FindNsenter"/> found nothing.</summary>
    public static readonly string NsenterMissing = $"nsenter (util-linux 2.38 or later) is not in {CleanEnvironment.DefaultPath} on this agent; install util-linux";

    /// <summary>
    /// The absolute path of nsenter in the trusted <paramref name="searchPath"/> (the default PATH,
    /// never a caller's), or null. Called once when the containerizer is made.
    /// </summary>
    public static string? FindNsenter(string searchPath = CleanEnvironment.DefaultPath)
    {
        foreach (var dir in searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Path.IsPathRooted(dir)) continue;
            var candidate = Path.Combine(dir, "nsenter");
            try
            {
                if (File.Exists(candidate) && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0) return candidate;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return null;
    }

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

    /// <summary>
    /// The whole argv: <see cref="Prefix"/>, then env(1) with the default PATH and
    /// <paramref name="environment"/>, then <paramref name="command"/>. Start it with
    /// <see cref="CleanEnvironment.Apply"/> and no overlay. Pure.
    /// </summary>
    public static IReadOnlyList<string> Command(string nsenter, int target, IReadOnlySet<string> namespaces, string sandbox, (uint Uid, uint Gid)? user,
        IEnumerable<KeyValuePair<string, string>> environment, IReadOnlyList<string> command) =>
        [.. Prefix(nsenter, target, namespaces, sandbox, user), .. CleanEnvironment.ThroughEnv(environment, command)];
}
