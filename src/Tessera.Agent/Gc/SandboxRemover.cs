namespace Tessera.Agent.Gc;

/// <summary>
/// Deletes one scheduled folder, confined: the path must be an entry of one of the
/// <see cref="GcRoot"/>s at its exact depth, and no component from the work dir down (the root's
/// own folders included) may be a symbolic link, so nothing outside <c>work_dir/slaves</c> and
/// <c>work_dir/meta/containers</c> is ever touched. Inside the entry, links are removed, never
/// followed (what <see cref="Directory.Delete(string, bool)"/> does on Unix). Parents left empty
/// go too, down to the root's kept depth.
/// </summary>
internal static class SandboxRemover
{
    /// <summary>Null when the folder is gone (removed now or already missing); otherwise why it was refused or failed.</summary>
    public static string? Remove(string path, IReadOnlyList<GcRoot> roots)
    {
        if (!Path.IsPathFullyQualified(path)) return "not an absolute path";
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        foreach (var root in roots)
        {
            var rootPath = root.Path;
            if (!full.StartsWith(rootPath + "/", StringComparison.Ordinal)) continue;
            var parts = full[(rootPath.Length + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != root.EntryDepth)
                return $"not a folder {root.EntryDepth} level(s) below {rootPath}";
            // The root's own folders under the work dir, then the entry's path below the root.
            var current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root.WorkDir));
            foreach (var part in root.Under.Concat(parts))
            {
                current = Path.Combine(current, part);
                switch (Kind(current))
                {
                    case EntryKind.Missing: return null;
                    case EntryKind.Link: return $"{current} is a symbolic link";
                    case EntryKind.File when current == full: return $"{current} is not a folder";
                    case EntryKind.File: return null;
                }
            }
            try
            {
                Directory.Delete(full, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return e.Message;
            }
            RemoveEmptyParents(rootPath, parts, root.KeepDepth);
            return null;
        }
        return "outside work_dir/slaves and work_dir/meta/containers";
    }

    private static void RemoveEmptyParents(string rootPath, string[] parts, int keepDepth)
    {
        for (var depth = parts.Length - 1; depth > keepDepth; depth--)
        {
            var parent = Path.Combine([rootPath, .. parts[..depth]]);
            try
            {
                if (Kind(parent) != EntryKind.Folder || Directory.EnumerateFileSystemEntries(parent).Any()) return;
                // Not recursive: a run the agent starts in the meantime makes it fail, and it stays.
                Directory.Delete(parent, recursive: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private enum EntryKind { Missing, Link, File, Folder }

    /// <summary>What is at the path itself (lstat: a link is a link, whatever it points to).</summary>
    private static EntryKind Kind(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null) return EntryKind.Missing;
        if (info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint)) return EntryKind.Link;
        return info.Attributes.HasFlag(FileAttributes.Directory) ? EntryKind.Folder : EntryKind.File;
    }
}
