namespace Tessera.Agent.Files;

/// <summary>
/// Confines a requested path to a root (the agent's <c>work_dir/slaves</c>): the path must be
/// absolute and free of <c>..</c>; every component is then resolved as <c>realpath(3)</c> does,
/// following each symlink (relative or absolute, chained, at most 40), and the result must lie
/// inside the root, itself resolved the same way. What resolves outside is refused whether it
/// exists or not, so the answer tells nothing about files outside.
/// </summary>
internal static class SandboxPath
{
    private const int MaxSymlinks = 40;

    public static SandboxResolution Resolve(string root, string? requested, string parameter = "path")
    {
        if (string.IsNullOrEmpty(requested))
            return SandboxResolution.Refused(SandboxRefusalKind.Missing, $"'{parameter}' is required: expected {parameter}=<absolute path inside a sandbox>");
        if (requested.Contains('\0', StringComparison.Ordinal))
            return SandboxResolution.Refused(SandboxRefusalKind.Invalid, $"'{parameter}' must not contain NUL characters");
        if (!requested.StartsWith('/'))
            return SandboxResolution.Refused(SandboxRefusalKind.Invalid, $"'{parameter}' must be an absolute path, got '{requested}'");
        if (requested.Split('/').Contains(".."))
            return SandboxResolution.Refused(SandboxRefusalKind.Outside, $"'{parameter}' must not contain '..' components");
        var realRoot = Real(Path.GetFullPath(root));
        if (realRoot is not { Missing: false, Path: var rootPath })
            return SandboxResolution.Refused(SandboxRefusalKind.NotFound, $"'{parameter}': no sandbox exists on this agent yet");
        var resolved = Real(Path.GetFullPath(requested));
        if (resolved is null)
            return SandboxResolution.Refused(SandboxRefusalKind.Outside, $"'{parameter}' has more than {MaxSymlinks} symbolic links to follow");
        if (!Inside(rootPath, resolved.Path))
            return SandboxResolution.Refused(SandboxRefusalKind.Outside, $"'{parameter}' must resolve inside the agent's sandboxes ({rootPath}); '{requested}' does not");
        if (resolved.Missing || UnixFiles.Lstat(resolved.Path) is not { } stat)
            return SandboxResolution.Refused(SandboxRefusalKind.NotFound, $"'{parameter}': '{requested}' does not exist");
        return new SandboxResolution(resolved.Path, stat, null);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it (both resolved).</summary>
    public static bool Inside(string root, string path) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    private sealed record RealPath(string Path, bool Missing);

    /// <summary>realpath: symlinks followed component by component; a missing component ends the walk (the rest is joined as is). Null on a symlink loop.</summary>
    private static RealPath? Real(string absolute)
    {
        var pending = new LinkedList<string>(Components(absolute));
        var current = "/";
        var hops = 0;
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            var name = first.Value;
            if (name == ".") continue;
            if (name == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }
            var next = Path.Join(current, name);
            var stat = UnixFiles.Lstat(next);
            if (stat is null)
            {
                var rest = string.Join('/', pending.Prepend(name));
                return new RealPath(Path.GetFullPath(Path.Join(current, rest)), Missing: true);
            }
            if (!stat.IsSymlink)
            {
                current = next;
                continue;
            }
            if (++hops > MaxSymlinks) return null;
            var target = new FileInfo(next).LinkTarget ?? "";
            if (target.StartsWith('/')) current = "/";
            foreach (var part in Components(target).Reverse()) pending.AddFirst(part);
        }
        return new RealPath(current, Missing: false);
    }

    private static string[] Components(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
