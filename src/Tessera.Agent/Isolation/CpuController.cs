using System.Globalization;
using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Isolation;

/// <summary>
/// cpu: a share proportional to the cpus asked (Mesos: 1024 shares per cpu, at least 2), and with
/// <c>--cgroups-enable-cfs</c> a hard CFS quota (period 100 ms, at least 1 ms). v2 uses
/// <c>cpu.weight</c> (shares mapped as systemd does) and <c>cpu.max</c>.
/// </summary>
internal sealed class CpuController : ICgroupController
{
    public const int SharesPerCpu = 1024;
    public const int MinShares = 2;
    public const long PeriodMicros = 100_000;
    public const long MinQuotaMicros = 1_000;

    public string Name => "cpu";

    public static long Shares(double cpus) => Math.Max(MinShares, (long)(SharesPerCpu * cpus));

    /// <summary>cgroup v2 weight for v1 shares: 2 → 1, 1024 → 39, 262144 → 10000.</summary>
    public static long Weight(long shares) => 1 + (Math.Clamp(shares, 2, 262_144) - 2) * 9999 / 262_142;

    public static long QuotaMicros(double cpus) => Math.Max(MinQuotaMicros, (long)(PeriodMicros * cpus));

    public void Apply(string dir, int version, CgroupLimits limits)
    {
        var shares = Shares(limits.Cpus);
        if (version == 1)
        {
            CgroupFiles.Write(dir, "cpu.shares", shares.ToString(CultureInfo.InvariantCulture));
            if (!limits.CfsQuota) return;
            CgroupFiles.Write(dir, "cpu.cfs_period_us", PeriodMicros.ToString(CultureInfo.InvariantCulture));
            CgroupFiles.Write(dir, "cpu.cfs_quota_us", QuotaMicros(limits.Cpus).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            CgroupFiles.Write(dir, "cpu.weight", Weight(shares).ToString(CultureInfo.InvariantCulture));
            if (limits.CfsQuota)
                CgroupFiles.Write(dir, "cpu.max", string.Create(CultureInfo.InvariantCulture, $"{QuotaMicros(limits.Cpus)} {PeriodMicros}"));
        }
    }

    public ContainerUsage Collect(string dir, int version, ContainerUsage usage)
    {
        if (version == 1)
        {
            var shares = CgroupFiles.ReadLong(dir, "cpu.shares");
            var quota = CgroupFiles.ReadLong(dir, "cpu.cfs_quota_us");
            return usage with
            {
                CpuShares = shares,
                CpuQuotaCpus = quota is > 0 ? quota / (double)(CgroupFiles.ReadLong(dir, "cpu.cfs_period_us") ?? PeriodMicros) : usage.CpuQuotaCpus,
            };
        }
        // v2 keeps cpuacct's counters in cpu.stat.
        var total = CgroupFiles.ReadKey(dir, "cpu.stat", "usage_usec");
        var user = CgroupFiles.ReadKey(dir, "cpu.stat", "user_usec");
        var system = CgroupFiles.ReadKey(dir, "cpu.stat", "system_usec");
        return usage with
        {
            CpuSeconds = total / 1e6 ?? usage.CpuSeconds,
            CpuUserSeconds = user / 1e6 ?? usage.CpuUserSeconds,
            CpuSystemSeconds = system / 1e6 ?? usage.CpuSystemSeconds,
        };
    }
}
