namespace Tessera.Agent.Files;

/// <summary>
/// Listing and opening resolved sandbox paths. Opening re-checks what was resolved: the file is
/// opened without following a final symlink and without blocking on a FIFO, and must be the same
/// regular file (device and inode) that <see cref="SandboxPath"/> resolved, so a task that swaps a
/// component for a symlink between the check and the open gets a refusal, not the other file.
/// </summary>
internal static class SandboxFiles
{
    /// <summary>The entries of a directory (or the file itself), sorted by path, each as asked under <paramref name="askedPath"/>; symlinks are described, not followed.</summary>
    public static IReadOnlyList<SandboxFileInfo> List(string resolved, FileStat stat, string askedPath)
    {
        if (!stat.IsDirectory) return [SandboxFileInfo.Of(askedPath, stat)];
        var prefix = askedPath.TrimEnd('/');
        var list = new List<SandboxFileInfo>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(resolved))
        {
            var name = Path.GetFileName(entry);
            if (UnixFiles.Lstat(entry) is { } entryStat) list.Add(SandboxFileInfo.Of(prefix + "/" + name, entryStat));
        }
        list.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return list;
    }

    /// <summary>Opens the resolved regular file for reading, or null with a reason when it changed since it was resolved or is not a regular file.</summary>
    public static (FileStream? Stream, string? Error) Open(string resolved, FileStat expected, string parameter = "path")
    {
        if (expected.IsDirectory) return (null, $"'{parameter}' is a directory; read and download take a file");
        if (!expected.IsRegularFile) return (null, $"'{parameter}' is not a regular file");
        var handle = UnixFiles.OpenForReading(resolved);
        if (handle is null) return (null, $"'{parameter}' could not be opened");
        if (UnixFiles.Fstat(handle) is not { } opened || !opened.IsRegularFile || !opened.SameObject(expected))
        {
            handle.Dispose();
            return (null, $"'{parameter}' changed while it was being opened");
        }
        return (new FileStream(handle, FileAccess.Read, bufferSize: 0), null);
    }
}
