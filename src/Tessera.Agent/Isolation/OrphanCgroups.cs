namespace Tessera.Agent.Isolation;

/// <summary>
/// Container cgroups that no container of this agent owns, removed at agent start: an agent killed
/// with <c>kill -9</c>, or a work dir deleted under a stopped agent, leaves <c>tessera/&lt;id&gt;</c>
/// directories behind in every hierarchy. Several agents of one host (a dev cluster, tests) share
/// that root, so only what no agent still needs is removed: cgroups with no process in them (in the
/// cgroup or below) and unchanged for <see cref="MinAge"/>, so a launch that has just made its
/// cgroup and not yet joined it is never raced. (Another agent's container that ended over a minute
/// ago and whose cgroup it has not removed yet may lose it here; its own removal then finds none.)
/// Decided from a snapshot, applied by <see cref="RemoveAll"/>.
/// </summary>
internal static class OrphanCgroups
{
    public static readonly TimeSpan MinAge = TimeSpan.FromMinutes(1);

    /// <summary>One container cgroup found under the root of one hierarchy.</summary>
    public sealed record Seen(string Dir, string ContainerId, bool Populated, DateTimeOffset Changed);

    /// <summary>
    /// What was done: cgroups removed, and unknown ones left because processes are in them or they are young.
    /// </summary>
    public sealed record Outcome(int Removed, int LeftWithProcesses, int LeftYoung);

    /// <summary>
    /// The cgroups to remove: not a known container's (a nested one's name is <c>parent.child</c>), empty,
    /// old enough.
    /// </summary>
    public static IReadOnlyList<Seen> Decide(IEnumerable<Seen> seen, IReadOnlySet<string> known, DateTimeOffset now) =>
        [.. seen.Where(s => !known.Contains(Owner(s.ContainerId)) && !s.Populated && now - s.Changed >= MinAge)];

    /// <summary>Scans every hierarchy's root, removes the orphans (deepest first), and counts.</summary>
    public static Outcome RemoveAll(CgroupLayout layout, IReadOnlySet<string> known, DateTimeOffset now)
    {
        var seen = Scan(layout).ToList();
        var orphans = Decide(seen, known, now);
        var removed = orphans.Count(o => TryRemoveTree(o.Dir));
        var unknown = seen.Where(s => !known.Contains(Owner(s.ContainerId))).ToList();
        return new Outcome(removed, unknown.Count(s => s.Populated),
            unknown.Count(s => !s.Populated && now - s.Changed < MinAge));
    }

    private static string Owner(string containerId)
    {
        var dot = containerId.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? containerId : containerId[..dot];
    }

    private static IEnumerable<Seen> Scan(CgroupLayout layout)
    {
        var mounts = layout.Controllers.Select(c => layout.Hierarchy(c).MountPoint)
            .Concat(layout.Mounts.V2MountPoint is { } v2 ? [v2] : []).Distinct(StringComparer.Ordinal);
        foreach (var mount in mounts)
        {
            var root = Path.Combine(mount, CgroupLayout.RootName);
            string[] dirs;
            try
            {
                dirs = Directory.Exists(root) ? Directory.GetDirectories(root) : [];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var dir in dirs)
                yield return new Seen(dir, Path.GetFileName(dir), Populated(dir), Changed(dir));
        }
    }

    /// <summary>
    /// True when a process is in the cgroup or below; a cgroup that can't be read counts as busy (it is left).
    /// </summary>
    private static bool Populated(string dir)
    {
        try
        {
            return CgroupFiles.Pids(dir).Count > 0 || Directory.EnumerateDirectories(dir).Any(Populated);
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static DateTimeOffset Changed(string dir)
    {
        var info = new DirectoryInfo(dir);
        return new DateTimeOffset(
            info.LastWriteTimeUtc > info.CreationTimeUtc ? info.LastWriteTimeUtc : info.CreationTimeUtc, TimeSpan.Zero);
    }

    private static bool TryRemoveTree(string dir)
    {
        try
        {
            foreach (var child in Directory.EnumerateDirectories(dir)) TryRemoveTree(child);
            Directory.Delete(dir);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
