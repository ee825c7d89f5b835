using System.Globalization;
using Tessera.Agent.Containerizer;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Isolation;

/// <summary>
/// memory: a hard limit from <c>mem</c> (at least 32 MB, as Mesos), soft limit the same in v1.
/// An OOM kill is read from the cgroup's counters (<c>oom_kill</c> in v1's
/// <c>memory.oom_control</c> or v2's <c>memory.events</c>), never guessed from an exit status:
/// under a pid namespace the parent of a killed task reports an ordinary failure.
/// </summary>
internal sealed class MemoryController : ICgroupController
{
    public const double MinMemMb = 32;

    public string Name => "memory";

    public static long LimitBytes(double memMb) => (long)(Math.Max(MinMemMb, memMb) * 1024 * 1024);

    public void Apply(string dir, int version, CgroupLimits limits)
    {
        if (limits.MemMb <= 0) return;
        var bytes = LimitBytes(limits.MemMb).ToString(CultureInfo.InvariantCulture);
        if (version == 1)
        {
            CgroupFiles.Write(dir, "memory.limit_in_bytes", bytes);
            CgroupFiles.Write(dir, "memory.soft_limit_in_bytes", bytes);
        }
        else
        {
            CgroupFiles.Write(dir, "memory.max", bytes);
            // Swap would hide an OOM behind slowness; the limit is what the task asked for.
            if (File.Exists(Path.Combine(dir, "memory.swap.max"))) CgroupFiles.Write(dir, "memory.swap.max", "0");
        }
    }

    public ContainerUsage Collect(string dir, int version, ContainerUsage usage)
    {
        if (version == 1)
        {
            return usage with
            {
                MemBytes = CgroupFiles.ReadLong(dir, "memory.usage_in_bytes"),
                MemLimitBytes = CgroupFiles.ReadLong(dir, "memory.limit_in_bytes"),
                MemMaxBytes = CgroupFiles.ReadLong(dir, "memory.max_usage_in_bytes"),
            };
        }
        return usage with
        {
            MemBytes = CgroupFiles.ReadLong(dir, "memory.current"),
            MemLimitBytes = CgroupFiles.ReadLong(dir, "memory.max"),
            MemMaxBytes = CgroupFiles.ReadLong(dir, "memory.peak"),
        };
    }

    /// <summary>The memory limitation if the kernel OOM-killed something in this cgroup.</summary>
    public static ContainerLimitation? OomLimitation(string dir, int version, double memMb)
    {
        var kills = version == 1 ? CgroupFiles.ReadKey(dir, "memory.oom_control", "oom_kill") : CgroupFiles.ReadKey(dir, "memory.events", "oom_kill");
        if (kills is not > 0) return null;
        var peak = version == 1 ? CgroupFiles.ReadLong(dir, "memory.max_usage_in_bytes") : CgroupFiles.ReadLong(dir, "memory.peak");
        var used = peak is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p / (1024.0 * 1024):0.##}MB") : "unknown";
        return new ContainerLimitation(TaskStatusReason.REASON_CONTAINER_LIMITATION_MEMORY,
            string.Create(CultureInfo.InvariantCulture, $"Memory limit exceeded: Requested: {Math.Max(MinMemMb, memMb):0.##}MB Maximum Used: {used} (the kernel OOM-killed {kills} process(es) in the container)"));
    }
}
