namespace Tessera.Agent.Isolation;

/// <summary>
/// What <c>--isolation</c> asks for. <c>auto</c> (the default): every cgroup controller the host
/// has and the pid, mount, ipc and uts namespaces when the agent is root, else plain processes.
/// <c>posix</c>: plain processes. Or a Mesos-style list, e.g.
/// <c>cgroups/cpu,cgroups/mem,namespaces/pid,filesystem/linux</c>.
/// </summary>
public sealed record IsolationConfig(bool Auto, bool Plain, IReadOnlySet<string> Controllers, IReadOnlySet<string> Namespaces)
{
    public static readonly IReadOnlyDictionary<string, (string[] Controllers, string[] Namespaces)> Isolators = new Dictionary<string, (string[], string[])>(StringComparer.Ordinal)
    {
        ["cgroups/cpu"] = (["cpu", "cpuacct"], []),
        ["cgroups/mem"] = (["memory"], []),
        ["cgroups/pids"] = (["pids"], []),
        ["cgroups/all"] = (["cpu", "cpuacct", "memory", "pids"], []),
        ["namespaces/pid"] = ([], ["pid", "mount"]),
        ["namespaces/ipc"] = ([], ["ipc"]),
        ["namespaces/uts"] = ([], ["uts"]),
        ["network/none"] = ([], ["net"]),
        ["filesystem/linux"] = ([], ["mount"]),
        ["posix/cpu"] = ([], []),
        ["posix/mem"] = ([], []),
    };

    public static readonly IsolationConfig Default = new(true, false,
        new HashSet<string>(["cpu", "cpuacct", "memory", "pids", "freezer"]), new HashSet<string>(["pid", "mount", "ipc", "uts"]));

    /// <summary>Parses the flag's text; throws <see cref="FormatException"/> naming the unknown isolator.</summary>
    public static IsolationConfig Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "auto") return Default;
        if (text.Trim() is "posix" or "plain") return new IsolationConfig(false, true, new HashSet<string>(), new HashSet<string>());
        var controllers = new HashSet<string>(StringComparer.Ordinal);
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Isolators.TryGetValue(token, out var isolator))
                throw new FormatException($"unknown isolator '{token}' (known: auto, posix, {string.Join(", ", Isolators.Keys)})");
            controllers.UnionWith(isolator.Controllers);
            namespaces.UnionWith(isolator.Namespaces);
        }
        // The freezer is how a tree is killed on hosts without cgroup.kill: always wanted with cgroups.
        if (controllers.Count > 0) controllers.Add("freezer");
        return new IsolationConfig(false, controllers.Count == 0 && namespaces.Count == 0, controllers, namespaces);
    }
}
