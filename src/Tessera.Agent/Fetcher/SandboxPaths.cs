namespace Tessera.Agent.Fetcher;

/// <summary>
/// Confines paths to a sandbox: a relative path (no <c>..</c> segment, not absolute) whose
/// existing parent directories inside the sandbox are real directories, not symbolic links, so a
/// link planted earlier (by an archive) can't lead a write outside.
/// </summary>
internal static class SandboxPaths
{
    /// <summary>The absolute path of <paramref name="relative"/> inside <paramref name="root"/>, or null when it would leave it.</summary>
    public static string? Resolve(string root, string relative)
    {
        if (!IsConfinedName(relative)) return null;
        root = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!IsInside(root, full)) return null;
        // No symbolic link may stand between the root and the file.
        var dir = Path.GetDirectoryName(full);
        while (dir is not null && dir.Length > root.TrimEnd('/').Length && IsInside(root, dir))
        {
            if (new DirectoryInfo(dir) is { Exists: true, LinkTarget: not null }) return null;
            dir = Path.GetDirectoryName(dir);
        }
        return full;
    }

    /// <summary>Removes a symbolic link standing where a file is about to be written, so the write can't follow it.</summary>
    public static void RemoveLink(string path)
    {
        if (new FileInfo(path) is { LinkTarget: not null } link) link.Delete();
    }

    /// <summary>A relative name made of plain segments: not empty, not rooted, no <c>..</c>, no NUL.</summary>
    public static bool IsConfinedName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('\0') || Path.IsPathRooted(name)) return false;
        return !name.Split('/', '\\').Any(segment => segment == "..");
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or below it (both absolute and normalised).</summary>
    public static bool IsInside(string root, string path)
    {
        var trimmed = root.TrimEnd('/');
        return path == trimmed || path.StartsWith(trimmed + "/", StringComparison.Ordinal);
    }

    /// <summary>A symbolic link at <paramref name="linkPath"/> pointing to <paramref name="target"/> stays inside <paramref name="root"/>.</summary>
    public static bool LinkStaysInside(string root, string linkPath, string target)
    {
        if (string.IsNullOrEmpty(target) || Path.IsPathRooted(target) || target.Contains('\0')) return false;
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(linkPath)!, target));
        return IsInside(Path.GetFullPath(root), resolved);
    }
}
