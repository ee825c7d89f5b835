namespace Tessera.Agent.Isolation;

/// <summary>Where one cgroup controller lives: a v1 hierarchy of its own (maybe co-mounted) or the v2 hierarchy.</summary>
internal sealed record CgroupHierarchy(int Version, string MountPoint);

/// <summary>
/// The cgroup hierarchies of this host, read from <c>/proc/self/mountinfo</c>: every v1 mount with
/// its controllers, and the v2 mount with the controllers it may use (those in its root
/// <c>cgroup.controllers</c>; a controller bound to v1 is absent there). Hosts differ — pure v1,
/// pure v2, and hybrids like ours (v1 controllers plus a v2 hierarchy that owns almost nothing) —
/// so each controller is looked up on its own.
/// </summary>
internal sealed record CgroupMounts(IReadOnlyDictionary<string, CgroupHierarchy> Controllers, string? V2MountPoint)
{
    public static readonly CgroupMounts None = new(new Dictionary<string, CgroupHierarchy>(), null);

    /// <summary>Parses mountinfo; <paramref name="readFile"/> reads a file of the host (null when missing).</summary>
    public static CgroupMounts Parse(string mountinfo, Func<string, string?> readFile)
    {
        var controllers = new Dictionary<string, CgroupHierarchy>(StringComparer.Ordinal);
        string? v2 = null;
        foreach (var line in mountinfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // id parent major:minor root mountpoint options [optional...] - fstype source superoptions
            var dash = line.IndexOf(" - ", StringComparison.Ordinal);
            if (dash < 0) continue;
            var left = line[..dash].Split(' ');
            var right = line[(dash + 3)..].Split(' ');
            if (left.Length < 5 || right.Length < 3) continue;
            var mountPoint = Unescape(left[4]);
            if (right[0] == "cgroup2")
            {
                v2 ??= mountPoint;
                continue;
            }
            if (right[0] != "cgroup") continue;
            foreach (var option in right[2].Split(','))
                if (Known.Contains(option)) controllers.TryAdd(option, new CgroupHierarchy(1, mountPoint));
        }
        if (v2 is not null && readFile(Path.Combine(v2, "cgroup.controllers")) is { } available)
            foreach (var name in available.Split(' ', '\n', StringSplitOptions.RemoveEmptyEntries))
                if (Known.Contains(name)) controllers.TryAdd(name, new CgroupHierarchy(2, v2));
        return new CgroupMounts(controllers, v2);
    }

    /// <summary>The controllers Tessera uses (v1 names; v2 has cpuacct's counters in cpu and a kill file instead of a freezer walk).</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal) { "cpu", "cpuacct", "memory", "pids", "freezer" };

    public static CgroupMounts ReadHost()
    {
        try
        {
            return Parse(File.ReadAllText("/proc/self/mountinfo"), path => File.Exists(path) ? File.ReadAllText(path) : null);
        }
        catch (IOException)
        {
            return None;
        }
    }

    // mountinfo escapes space, tab, newline and backslash as \ooo.
    private static string Unescape(string text) =>
        text.Contains('\\') ? System.Text.RegularExpressions.Regex.Replace(text, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString()) : text;
}
