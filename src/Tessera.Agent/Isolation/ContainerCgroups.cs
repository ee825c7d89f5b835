using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Isolation;

/// <summary>
/// One container's cgroups: a directory per hierarchy it uses, the limits written into them, the
/// <c>cgroup.procs</c> files the launcher joins before the command runs, usage, OOM detection,
/// killing the whole tree, and removal.
/// </summary>
internal sealed class ContainerCgroups(CgroupLayout layout, string containerId, CgroupLimits limits)
{
    public string ContainerId { get; } = containerId;

    public CgroupLimits Limits { get; } = limits;

    private IReadOnlyList<string>? _dirs;

    /// <summary>Every directory this container has, one per hierarchy (co-mounted controllers share one).</summary>
    public IReadOnlyList<string> Dirs => _dirs ??=
        [.. layout.Controllers.Select(c => CgroupLayout.Dir(layout.Hierarchy(c).MountPoint, ContainerId))
            .Concat(layout.UsesV2Kill ? [CgroupLayout.Dir(layout.Mounts.V2MountPoint!, ContainerId)] : [])
            .Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<string> ProcsFiles => [.. Dirs.Select(d => Path.Combine(d, "cgroup.procs"))];

    /// <summary>
    /// True while any process is in the container. One hierarchy tells: the launcher joins all of
    /// the container's cgroups before anything else runs, and children inherit every membership
    /// (the v2 one when there is one, as that is where cgroup.kill acts).
    /// </summary>
    public bool AnyProcess => CgroupFiles.Pids(V2Dir is { } v2 && Dirs.Contains(v2) ? v2 : Dirs[0]).Count > 0;

    private string? V2Dir => layout.UsesV2Kill || layout.Controllers.Any(c => layout.Hierarchy(c).Version == 2)
        ? CgroupLayout.Dir(layout.Mounts.V2MountPoint!, ContainerId) : null;

    public void Create()
    {
        EnableV2Controllers();
        foreach (var dir in Dirs) Directory.CreateDirectory(dir);
        foreach (var controller in layout.Controllers)
            controller.Apply(CgroupLayout.Dir(layout.Hierarchy(controller).MountPoint, ContainerId), layout.Hierarchy(controller).Version, Limits);
    }

    public ContainerUsage Usage()
    {
        var usage = new ContainerUsage();
        foreach (var controller in layout.Controllers)
            usage = controller.Collect(CgroupLayout.Dir(layout.Hierarchy(controller).MountPoint, ContainerId), layout.Hierarchy(controller).Version, usage);
        return usage;
    }

    public ContainerLimitation? Limitation()
    {
        var memory = layout.Controllers.FirstOrDefault(c => c is MemoryController);
        if (memory is null || Limits.MemMb <= 0) return null;
        var hierarchy = layout.Hierarchy(memory);
        return MemoryController.OomLimitation(CgroupLayout.Dir(hierarchy.MountPoint, ContainerId), hierarchy.Version, Limits.MemMb);
    }

    /// <summary>True while any process is in any of the container's cgroups.</summary>
    private bool Populated => Dirs.Any(d => CgroupFiles.Pids(d).Count > 0);

    /// <summary>SIGKILL to every process of the container: cgroup.kill, else the freezer walk, else one by one until empty.</summary>
    public async Task KillAllAsync(CancellationToken ct = default)
    {
        if (layout.UsesV2Kill && V2Dir is { } v2 && Directory.Exists(v2))
            CgroupFiles.Write(v2, "cgroup.kill", "1");
        else if (layout.Controllers.FirstOrDefault(c => c is FreezerController) is { } freezer && layout.Hierarchy(freezer).Version == 1)
            await FreezerController.KillAllAsync(CgroupLayout.Dir(layout.Hierarchy(freezer).MountPoint, ContainerId), ct);
        for (var round = 0; round < 200 && Populated; round++)
        {
            foreach (var dir in Dirs)
                foreach (var pid in CgroupFiles.Pids(dir))
                    Signals.Kill(pid, Signals.SIGKILL);
            await Task.Delay(5, ct);
        }
    }

    /// <summary>Removes the directories; false while some cgroup still has a process in it.</summary>
    public bool TryRemove()
    {
        var removed = true;
        foreach (var dir in Dirs.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(dir);
            }
            catch (IOException)
            {
                removed = false;
            }
        }
        return removed;
    }

    /// <summary>Removes the directories, giving the kernel a moment after the last exit (an exited cgroup can stay busy briefly).</summary>
    public async Task DestroyAsync(CancellationToken ct = default)
    {
        // Usually the first or second try works; back off from 1 ms so a launch isn't charged 10 ms for it.
        var delay = 1;
        for (var attempt = 0; attempt < 30 && !TryRemove(); attempt++)
        {
            await Task.Delay(delay, ct);
            delay = Math.Min(delay * 2, 100);
        }
    }

    /// <summary>v2 controllers must be enabled in every ancestor's subtree_control.</summary>
    private void EnableV2Controllers()
    {
        var v2 = layout.Controllers.Where(c => layout.Hierarchy(c).Version == 2 && c is not CpuacctController and not FreezerController).Select(c => c.Name).ToList();
        if (v2.Count == 0 || layout.Mounts.V2MountPoint is not { } mount) return;
        var root = Path.Combine(mount, CgroupLayout.RootName);
        Directory.CreateDirectory(root);
        var enable = string.Join(' ', v2.Select(n => "+" + n));
        CgroupFiles.Write(mount, "cgroup.subtree_control", enable);
        CgroupFiles.Write(root, "cgroup.subtree_control", enable);
    }
}
