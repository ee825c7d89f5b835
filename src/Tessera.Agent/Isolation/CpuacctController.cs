using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Isolation;

/// <summary>cpuacct (v1 only): cpu time used, in total (ns) and split user/system (USER_HZ ticks).</summary>
internal sealed class CpuacctController : ICgroupController
{
    // USER_HZ is 100 on every Linux we run on.
    private const double TicksPerSecond = 100;

    public string Name => "cpuacct";

    public void Apply(string dir, int version, CgroupLimits limits)
    {
    }

    public ContainerUsage Collect(string dir, int version, ContainerUsage usage) => usage with
    {
        CpuSeconds = CgroupFiles.ReadLong(dir, "cpuacct.usage") / 1e9 ?? usage.CpuSeconds,
        CpuUserSeconds = CgroupFiles.ReadKey(dir, "cpuacct.stat", "user") / TicksPerSecond ?? usage.CpuUserSeconds,
        CpuSystemSeconds = CgroupFiles.ReadKey(dir, "cpuacct.stat", "system") / TicksPerSecond ?? usage.CpuSystemSeconds,
    };
}
