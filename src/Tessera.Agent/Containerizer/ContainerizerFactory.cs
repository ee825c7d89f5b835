using Tessera.Agent.Isolation;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// Picks the containerizer from <c>--isolation</c> and what the host allows: the Linux one when
/// the agent is root, the launcher is there and cgroups are mounted; plain processes otherwise,
/// with the reason (an explicit Mesos-style isolation list that can't be honoured is an error, not
/// a silent downgrade).
/// </summary>
internal static class ContainerizerFactory
{
    /// <param name="runtimeDir">Mesos' runtime_dir (see <see cref="Hosting.RuntimeDirectory"/>); containers' files go to its <c>containers/</c>. Default: <c>work_dir/meta</c>.</param>
    public static IContainerizer Create(IsolationConfig config, string workDir, bool cfsQuota, CgroupMounts? mounts = null, string? launcher = null, string? runtimeDir = null)
    {
        if (config.Plain) return new PlainContainerizer("--isolation=posix");
        launcher ??= Path.Combine(AppContext.BaseDirectory, "tessera-launch");
        mounts ??= CgroupMounts.ReadHost();
        var why = !UserLookup.IsRoot ? "the agent is not root"
            : !File.Exists(launcher) ? $"the launcher {launcher} is missing"
            : mounts.Controllers.Count == 0 ? "no cgroup controllers are mounted"
            : null;
        if (why is not null)
        {
            if (!config.Auto) throw new InvalidOperationException($"--isolation asks for cgroups/namespaces, but {why}");
            return new PlainContainerizer(why);
        }
        var layout = new CgroupLayout(mounts, config.Controllers);
        var missing = config.Controllers.Where(c => c != "freezer" && !layout.Has(c)).ToList();
        if (!config.Auto && missing.Count > 0)
            throw new InvalidOperationException($"--isolation asks for cgroup controller(s) {string.Join(", ", missing)}, which this host doesn't mount");
        return new LinuxContainerizer(layout, config.Namespaces, launcher, Hosting.RuntimeDirectory.Containers(runtimeDir ?? Path.Combine(workDir, "meta")), cfsQuota,
            config.Namespaces.Count > 0 ? NamespaceEntry.FindNsenter() : null);
    }
}
