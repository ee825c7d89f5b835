namespace Tessera.Agent.Isolation;

/// <summary>
/// The agent's choice of controllers and where each lives, plus the root under which container
/// cgroups go (<c>&lt;hierarchy&gt;/tessera/&lt;container&gt;</c>: the agent may itself sit in a
/// cgroup owned by the host, so Tessera makes its own top-level one). The v2 hierarchy, when
/// mounted, also gets a cgroup per container even if it holds no controller: its
/// <c>cgroup.kill</c> kills a whole tree in one write.
/// </summary>
internal sealed class CgroupLayout
{
    public const string RootName = "tessera";

    private static readonly ICgroupController[] All = [new CpuController(), new CpuacctController(), new MemoryController(), new PidsController(), new FreezerController()];

    public CgroupLayout(CgroupMounts mounts, IReadOnlySet<string> wanted)
    {
        Mounts = mounts;
        UsesV2Kill = mounts.V2MountPoint is not null && Environment.OSVersion.Version >= new Version(5, 14);
        // With cgroup.kill the freezer has nothing to do, and every hierarchy joined costs a launch time.
        Controllers = [.. All.Where(c => wanted.Contains(c.Name) && mounts.Controllers.ContainsKey(c.Name) && !(c is FreezerController && UsesV2Kill))];
    }

    public CgroupMounts Mounts { get; }

    public IReadOnlyList<ICgroupController> Controllers { get; }

    /// <summary>True when the v2 hierarchy has <c>cgroup.kill</c> (Linux 5.14+; only non-root cgroups have the file, so the kernel version tells).</summary>
    public bool UsesV2Kill { get; }

    public bool Has(string controller) => Controllers.Any(c => c.Name == controller);

    public CgroupHierarchy Hierarchy(ICgroupController controller) => Mounts.Controllers[controller.Name];

    /// <summary>e.g. "cgroups v1 (cpu, cpuacct, memory, pids, freezer), v2 (kill)".</summary>
    public string Describe()
    {
        var v1 = Controllers.Where(c => Hierarchy(c).Version == 1).Select(c => c.Name).ToList();
        var v2 = Controllers.Where(c => Hierarchy(c).Version == 2).Select(c => c.Name).ToList();
        if (UsesV2Kill) v2.Add("kill");
        var parts = new List<string>();
        if (v1.Count > 0) parts.Add($"v1 ({string.Join(", ", v1)})");
        if (v2.Count > 0) parts.Add($"v2 ({string.Join(", ", v2)})");
        return parts.Count == 0 ? "no cgroups" : "cgroups " + string.Join(", ", parts);
    }

    /// <summary>Creates the container's cgroups and applies the limits; undoes what it made if any step fails.</summary>
    public ContainerCgroups Create(string containerId, CgroupLimits limits)
    {
        var cgroups = new ContainerCgroups(this, containerId, limits);
        try
        {
            cgroups.Create();
            return cgroups;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cgroups.TryRemove();
            throw;
        }
    }

    /// <summary>The cgroup directory of a container in one hierarchy.</summary>
    public static string Dir(string mountPoint, string containerId) => Path.Combine(mountPoint, RootName, containerId);
}
