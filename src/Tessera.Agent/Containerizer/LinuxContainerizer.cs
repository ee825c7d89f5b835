using System.Globalization;
using Tessera.Agent.Checkpoint;
using Tessera.Agent.Isolation;
using Tessera.Core.AgentLink;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// Containers with cgroups and namespaces. For each launch: check the user, create the cgroups
/// with their limits, and have the native launcher's server (<see cref="LaunchServer"/>) clone a
/// process in the container's namespaces, which joins the cgroups before the command runs. That
/// process (the pid namespace's init) writes the exit status to
/// <c>&lt;runtime&gt;/&lt;container&gt;/status</c>, which is also how a restarted agent learns how
/// a container it didn't start ended.
/// </summary>
/// <param name="nsenter">The absolute path of nsenter (<see cref="NamespaceEntry.FindNsenter"/>), or null when the host has none: nested sessions and checks that would enter the namespaces then fail with why.</param>
internal sealed class LinuxContainerizer(CgroupLayout cgroups, IReadOnlySet<string> namespaces, string launcher, string runtimeDir, bool cfsQuota, string? nsenter) : IContainerizer
{
    private readonly ContainerCheckpointStore _records = new(runtimeDir);

    public string Isolation =>
        cgroups.Describe() + (namespaces.Count == 0 ? "" : $" + namespaces ({string.Join(", ", NamespaceEntry.Order.Where(namespaces.Contains))})");

    /// <summary>The namespaces each container gets (pid, mount, ipc, uts, net).</summary>
    public IReadOnlySet<string> Namespaces => namespaces;

    /// <summary>The absolute path of nsenter found when the agent started, or null.</summary>
    public string? Nsenter => nsenter;

    public IContainer Launch(ContainerSpec spec)
    {
        (uint Uid, uint Gid)? ids = null;
        if (spec.User is { } user)
        {
            ids = UserLookup.Find(user) ?? throw new ContainerLaunchException($"unknown user '{user}': no such user on this agent (from CommandInfo.user or FrameworkInfo.user)");
            if (ids.Value.Uid != 0) ChownSandbox(spec.Sandbox, ids.Value);
        }
        var runtime = Path.Combine(runtimeDir, spec.ContainerId);
        ContainerCgroups groups;
        try
        {
            Directory.CreateDirectory(runtime);
            groups = cgroups.Create(spec.ContainerId, new CgroupLimits(spec.Cpus, spec.MemMb, cfsQuota));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ContainerLaunchException($"cannot create the container's cgroups: {e.Message}", e);
        }
        try
        {
            var launched = LaunchServer.For(launcher).Start(Arguments(spec, ids, groups, runtime), CleanEnvironment.With(spec.Environment));
            var record = new AgentContainerCheckpoint { ContainerId = spec.ContainerId, Pid = launched.Pid, StartTime = launched.StartTime, MemMb = spec.MemMb };
            _records.Save(record);
            return new LinuxContainer(spec.ContainerId, launched.Pid, groups, runtime, launched.Exited) { Record = record };
        }
        catch (ContainerLaunchException)
        {
            groups.TryRemove();
            throw;
        }
    }

    /// <summary>
    /// The launcher joins the container's cgroups (so nothing of the session runs outside them),
    /// writes the status file and, when the command has exited, kills what it left in its process
    /// group (<c>--kill-group-on-exit</c>). With namespaces it runs nsenter, found by absolute path,
    /// into them (<see cref="NamespaceEntry"/>), which drops to the container's user; without, it
    /// drops to the user itself. The launcher and nsenter run as root with only the default PATH:
    /// the session's variables are set by <c>/usr/bin/env -i</c> after the drop
    /// (<see cref="CleanEnvironment.ThroughEnv"/>), so a caller's PATH or LD_PRELOAD never reaches a
    /// privileged program. The namespaces' target must still be in the container's cgroups (a pid
    /// can be reused once the container's init has gone).
    /// </summary>
    public NestedLaunch Nested(IContainer parent, NestedSpec spec)
    {
        if (parent is not LinuxContainer container) throw new ContainerLaunchException($"container {parent.Id} is not a Linux container");
        if (namespaces.Count > 0 && nsenter is null) throw new ContainerLaunchException(NamespaceEntry.NsenterMissing);
        (uint Uid, uint Gid)? ids = null;
        if (spec.User is { } user)
            ids = UserLookup.Find(user) ?? throw new ContainerLaunchException($"unknown user '{user}': no such user on this agent");
        int? target = null;
        if (namespaces.Count > 0)
        {
            target = NamespaceInit.EnterableTarget(container.Pid, namespaces.Contains("pid"), container.Id, out var why)
                ?? throw new ContainerLaunchException($"container {container.Id} {why}");
        }
        var status = Path.Combine(container.Runtime, "nested", spec.Id);
        try
        {
            Directory.CreateDirectory(status);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ContainerLaunchException($"cannot create {status}: {e.Message}", e);
        }
        var argv = new List<string> { launcher };
        foreach (var procs in container.ProcsFiles) { argv.Add("--cgroup"); argv.Add(procs); }
        if (namespaces.Count == 0 && ids is { } id)
        {
            argv.Add("--uid"); argv.Add(id.Uid.ToString(CultureInfo.InvariantCulture));
            argv.Add("--gid"); argv.Add(id.Gid.ToString(CultureInfo.InvariantCulture));
            argv.Add("--groups"); argv.Add(string.Join(',', UserLookup.Groups(spec.User!, id.Gid).Take(64)));
        }
        if (namespaces.Count == 0) { argv.Add("--sandbox"); argv.Add(spec.Sandbox); }
        argv.Add("--status"); argv.Add(Path.Combine(status, "status"));
        argv.Add("--kill-group-on-exit");
        argv.Add("--");
        try
        {
            argv.AddRange(target is { } pid
                ? NamespaceEntry.Command(nsenter!, pid, namespaces, spec.Sandbox, ids, spec.Environment, CommandLine.Argv(spec.Command))
                : CleanEnvironment.ThroughEnv(spec.Environment, CommandLine.Argv(spec.Command)));
        }
        catch (ArgumentException e)
        {
            throw new ContainerLaunchException(e.Message, e);
        }
        return NestedLaunch.Of(argv, spec.Sandbox, environment: null, Path.Combine(status, "status"));
    }

    public IReadOnlyList<AgentContainerCheckpoint> Leftovers() => _records.LoadAll();

    public IContainer Recover(AgentContainerCheckpoint container)
    {
        var groups = new ContainerCgroups(cgroups, container.ContainerId, new CgroupLimits(0, container.MemMb ?? 0, cfsQuota));
        return new LinuxContainer(container.ContainerId, container.Pid, groups, Path.Combine(runtimeDir, container.ContainerId),
            NoExitCode(ProcessWatch.WaitForExitAsync(container.Pid, container.StartTime))) { Record = container };
    }

    public void Forget(string containerId) => _records.Remove(containerId);

    public OrphanCgroups.Outcome? RemoveOrphanCgroups(DateTimeOffset now) =>
        OrphanCgroups.RemoveAll(cgroups,
            _records.LoadAll().Select(r => r.ContainerId).ToHashSet(StringComparer.Ordinal), now);

    private static async Task<int?> NoExitCode(Task exited)
    {
        await exited;
        return null;
    }

    /// <summary>The launcher's options and the command (<see cref="LaunchServer"/> passes them as the launcher's command line).</summary>
    private List<string> Arguments(ContainerSpec spec, (uint Uid, uint Gid)? ids, ContainerCgroups groups, string runtime)
    {
        var args = new List<string>();
        foreach (var procs in groups.ProcsFiles) { args.Add("--cgroup"); args.Add(procs); }
        if (namespaces.Count > 0) { args.Add("--ns"); args.Add(string.Join(',', NamespaceEntry.Order.Where(namespaces.Contains))); }
        if (namespaces.Contains("uts")) { args.Add("--hostname"); args.Add(spec.Hostname ?? Environment.MachineName); }
        if (ids is { } id)
        {
            args.Add("--uid"); args.Add(id.Uid.ToString(CultureInfo.InvariantCulture));
            args.Add("--gid"); args.Add(id.Gid.ToString(CultureInfo.InvariantCulture));
            args.Add("--groups"); args.Add(string.Join(',', UserLookup.Groups(spec.User!, id.Gid).Take(64)));
        }
        args.Add("--sandbox"); args.Add(spec.Sandbox);
        // The agent's own folder stays visible under the private /tmp (it matters only when it is under /tmp).
        args.Add("--keep-visible"); args.Add(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        args.Add("--stdout"); args.Add(Path.Combine(spec.Sandbox, "stdout"));
        args.Add("--stderr"); args.Add(Path.Combine(spec.Sandbox, "stderr"));
        args.Add("--status"); args.Add(Path.Combine(runtime, "status"));
        args.Add("--");
        args.AddRange(CommandLine.Argv(spec.Command));
        return args;
    }

    private static void ChownSandbox(string sandbox, (uint Uid, uint Gid) ids)
    {
        try
        {
            UserLookup.ChownTree(sandbox, ids.Uid, ids.Gid);
        }
        catch (IOException e)
        {
            throw new ContainerLaunchException(string.Create(CultureInfo.InvariantCulture, $"cannot give the sandbox to uid {ids.Uid}: {e.Message}"), e);
        }
    }
}
