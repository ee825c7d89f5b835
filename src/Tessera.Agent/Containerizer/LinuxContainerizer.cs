using System.Diagnostics;
using System.Globalization;
using Tessera.Agent.Isolation;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// Containers with cgroups and namespaces. For each launch: check the user, create the cgroups
/// with their limits, and start the native launcher (<c>tessera-launch</c>), which joins the
/// cgroups and unshares the namespaces before the command runs. The launcher writes the exit
/// status to <c>&lt;runtime&gt;/&lt;container&gt;/status</c>, which is also how a restarted agent
/// learns how a container it didn't start ended.
/// </summary>
internal sealed class LinuxContainerizer(CgroupLayout cgroups, IReadOnlySet<string> namespaces, string launcher, string runtimeDir, bool cfsQuota) : IContainerizer
{
    public string Isolation =>
        cgroups.Describe() + (namespaces.Count == 0 ? "" : $" + namespaces ({string.Join(", ", NamespaceOrder.Where(namespaces.Contains))})");

    private static readonly string[] NamespaceOrder = ["pid", "mount", "ipc", "uts", "net"];

    public IContainer Launch(ContainerSpec spec)
    {
        if (spec.User is { } user)
        {
            if (UserLookup.Find(user) is not { } ids)
                throw new ContainerLaunchException($"unknown user '{user}': no such user on this agent (from CommandInfo.user or FrameworkInfo.user)");
            if (ids.Uid != 0) ChownSandbox(spec.Sandbox, ids);
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
            var process = Process.Start(StartInfo(spec, groups, runtime)) ?? throw new InvalidOperationException("the launcher did not start");
            return new LinuxContainer(spec.ContainerId, process.Id, groups, runtime, process.WaitForExitAsync());
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            groups.TryRemove();
            throw new ContainerLaunchException($"cannot start the launcher {launcher}: {e.Message}", e);
        }
    }

    /// <summary>Re-attaches to a container a previous agent process started (recovery).</summary>
    public IContainer Recover(string containerId, int pid, double memMb)
    {
        var groups = new ContainerCgroups(cgroups, containerId, new CgroupLimits(0, memMb, cfsQuota));
        return new LinuxContainer(containerId, pid, groups, Path.Combine(runtimeDir, containerId), ProcessWatch.WaitForExitAsync(pid));
    }

    private ProcessStartInfo StartInfo(ContainerSpec spec, ContainerCgroups groups, string runtime)
    {
        var start = new ProcessStartInfo(launcher) { UseShellExecute = false };
        var args = start.ArgumentList;
        foreach (var procs in groups.ProcsFiles) { args.Add("--cgroup"); args.Add(procs); }
        if (namespaces.Count > 0) { args.Add("--ns"); args.Add(string.Join(',', NamespaceOrder.Where(namespaces.Contains))); }
        if (namespaces.Contains("uts")) { args.Add("--hostname"); args.Add(spec.Hostname ?? Environment.MachineName); }
        if (spec.User is { } user) { args.Add("--user"); args.Add(user); }
        args.Add("--sandbox"); args.Add(spec.Sandbox);
        args.Add("--stdout"); args.Add(Path.Combine(spec.Sandbox, "stdout"));
        args.Add("--stderr"); args.Add(Path.Combine(spec.Sandbox, "stderr"));
        args.Add("--status"); args.Add(Path.Combine(runtime, "status"));
        args.Add("--");
        foreach (var arg in CommandLine.Argv(spec.Command)) args.Add(arg);
        start.Environment.Clear();
        start.Environment["PATH"] = CommandLine.DefaultPath;
        foreach (var (key, value) in spec.Environment) start.Environment[key] = value;
        start.WorkingDirectory = spec.Sandbox;
        return start;
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
