using System.Globalization;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// The process to enter a Linux container's namespaces through. The launcher
/// (<see cref="IContainer.Pid"/>) unshares them but stays outside a new pid namespace: its child,
/// the namespace's init, is inside all of them (<c>/proc/&lt;launcher&gt;/task/&lt;launcher&gt;/children</c>).
/// </summary>
internal static class NamespaceInit
{
    /// <summary>The pid to pass to <c>nsenter --target</c>: the launcher's first child with a pid namespace, the launcher itself without; null when there is none (yet).</summary>
    public static int? Target(int launcherPid, bool pidNamespace, string proc = "/proc") =>
        pidNamespace ? FirstChild(launcherPid, proc) : launcherPid;

    public static int? FirstChild(int pid, string proc = "/proc")
    {
        var p = pid.ToString(CultureInfo.InvariantCulture);
        try
        {
            return ParseChildren(File.ReadAllText(Path.Combine(proc, p, "task", p, "children")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first pid of a <c>children</c> file (space-separated).</summary>
    public static int? ParseChildren(string text)
    {
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var child) && child > 0) return child;
        return null;
    }

    /// <summary>
    /// Whether <paramref name="pid"/> is in the container's cgroups now: a pid read from
    /// <c>children</c> may have been reused by another process once the container's init exited.
    /// </summary>
    public static bool InContainer(int pid, string containerId, string proc = "/proc")
    {
        try
        {
            return InContainerCgroup(File.ReadAllText(Path.Combine(proc, pid.ToString(CultureInfo.InvariantCulture), "cgroup")), containerId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether a <c>/proc/&lt;pid&gt;/cgroup</c> text has a hierarchy whose path is the container's (<c>…/tessera/&lt;id&gt;</c>). Pure.</summary>
    public static bool InContainerCgroup(string procCgroup, string containerId)
    {
        var suffix = $"/{Isolation.CgroupLayout.RootName}/{containerId}";
        foreach (var line in procCgroup.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(':', 3);
            if (parts.Length == 3 && parts[2].EndsWith(suffix, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
