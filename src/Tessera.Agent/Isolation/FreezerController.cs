using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Isolation;

/// <summary>
/// freezer (v1): how a whole tree is killed without cgroup.kill: freeze it so nothing can fork,
/// SIGKILL every member, thaw so the signals are delivered.
/// </summary>
internal sealed class FreezerController : ICgroupController
{
    public string Name => "freezer";

    public void Apply(string dir, int version, CgroupLimits limits)
    {
    }

    public ContainerUsage Collect(string dir, int version, ContainerUsage usage) => usage;

    public static async Task KillAllAsync(string dir, CancellationToken ct = default)
    {
        CgroupFiles.Write(dir, "freezer.state", "FROZEN");
        for (var i = 0; i < 100 && CgroupFiles.Read(dir, "freezer.state") != "FROZEN"; i++)
            await Task.Delay(5, ct);
        foreach (var pid in CgroupFiles.Pids(dir)) Containerizer.Signals.Kill(pid, Containerizer.Signals.SIGKILL);
        CgroupFiles.Write(dir, "freezer.state", "THAWED");
    }
}
