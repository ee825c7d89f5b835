namespace Tessera.Agent.Gc;

/// <summary>
/// What a starting agent finds on disk for the GC: every run sandbox
/// (<c>slaves/*/frameworks/*/executors/*/runs/*</c>) and every container runtime folder without a
/// record (<c>meta/containers/*</c> lacking <c>container.json</c>), each with its mtime, which is
/// where its age counts from (as Mesos' agent does at recovery). Symbolic links are skipped.
/// </summary>
internal static class SandboxScan
{
    public static IReadOnlyList<GcEntry> Find(string workDir)
    {
        var found = new List<GcEntry>();
        var slaves = Path.Combine(workDir, "slaves");
        foreach (var agent in Folders(slaves))
        foreach (var framework in Folders(Path.Combine(agent, "frameworks")))
        foreach (var executor in Folders(Path.Combine(framework, "executors")))
        foreach (var run in Folders(Path.Combine(executor, "runs")))
            found.Add(Entry(run));
        foreach (var container in Folders(Path.Combine(workDir, "meta", "containers")))
            if (!File.Exists(Path.Combine(container, "container.json"))) found.Add(Entry(container));
        return found;
    }

    private static GcEntry Entry(string path) =>
        new(Path.GetFullPath(path), new DateTimeOffset(Directory.GetLastWriteTimeUtc(path), TimeSpan.Zero));

    private static IEnumerable<string> Folders(string path)
    {
        var info = new DirectoryInfo(path);
        if (!info.Exists || info.LinkTarget is not null) return [];
        try
        {
            return [.. info.EnumerateDirectories().Where(d => d.LinkTarget is null).Select(d => d.FullName)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
