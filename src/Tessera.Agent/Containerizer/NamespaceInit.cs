using System.Globalization;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// The process to enter a Linux container's namespaces through. A container started by the
/// launch server is created in its namespaces (<see cref="IContainer.Pid"/> is its pid namespace's
/// init); one started by a launcher process of an older agent (still re-attached after an upgrade)
/// unshared them but stayed outside a new pid namespace, and its first child is the init
/// (<c>/proc/&lt;launcher&gt;/task/&lt;launcher&gt;/children</c>).
/// </summary>
internal static class NamespaceInit
{
    /// <summary>The pid to pass to <c>nsenter --target</c>: the container's process when it is in all of them, else its first child; null when there is none (yet).</summary>
    public static int? Target(int pid, bool pidNamespace, string proc = "/proc") =>
        !pidNamespace || IsNamespaceInit(pid, proc) ? pid : FirstChild(pid, proc);

    /// <summary>
    /// The pid to enter container <paramref name="containerId"/> through (<see cref="Target"/>), but
    /// only while it is in the container's cgroups: once the container has gone, its pid may belong
    /// to another process. Null with <paramref name="why"/> ("has no process to enter…") otherwise.
    /// Nested sessions and COMMAND checks both enter through this.
    /// </summary>
    public static int? EnterableTarget(int pid, bool pidNamespace, string containerId, out string why, string proc = "/proc")
    {
        why = "has no process to enter";
        if (Target(pid, pidNamespace, proc) is not { } target) return null;
        if (InContainer(target, containerId, proc)) return target;
        why = string.Create(CultureInfo.InvariantCulture, $"has no process to enter: pid {target} is not in its cgroups (it has exited)");
        return null;
    }

    /// <summary>Whether <paramref name="pid"/> is pid 1 of a pid namespace below ours (<c>NSpid:</c> in /proc/PID/status).</summary>
    public static bool IsNamespaceInit(int pid, string proc = "/proc")
    {
        try
        {
            return ParseNsPidIsInit(File.ReadAllText(Path.Combine(proc, pid.ToString(CultureInfo.InvariantCulture), "status")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when a /proc/PID/status text's <c>NSpid:</c> line names more than one namespace and the innermost pid is 1. Pure.</summary>
    public static bool ParseNsPidIsInit(string status)
    {
        foreach (var line in status.Split('\n'))
        {
            if (!line.StartsWith("NSpid:", StringComparison.Ordinal)) continue;
            var pids = line["NSpid:".Length..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return pids.Length > 1 && pids[^1] == "1";
        }
        return false;
    }

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
