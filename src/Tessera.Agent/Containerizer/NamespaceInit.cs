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
}
