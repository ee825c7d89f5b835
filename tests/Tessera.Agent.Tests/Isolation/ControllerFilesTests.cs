using Tessera.Agent.Isolation;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Isolation;

/// <summary>
/// The controllers' v1 and v2 file formats, against a folder standing in for a cgroup (this
/// machine has no v2 controllers to write to; the v1 ones are also exercised for real by the
/// containerizer tests).
/// </summary>
public sealed class ControllerFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tessera-cg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Read(string file) => File.ReadAllText(Path.Combine(_dir, file));

    [Theory]
    [InlineData(0.001, 2)]
    [InlineData(0.5, 512)]
    [InlineData(1, 1024)]
    [InlineData(4, 4096)]
    public void SharesFollowMesos(double cpus, long shares) => Assert.Equal(shares, CpuController.Shares(cpus));

    [Theory]
    [InlineData(2, 1)]
    [InlineData(1024, 39)]
    [InlineData(262144, 10000)]
    public void V2WeightMapsSharesAsSystemdDoes(long shares, long weight) => Assert.Equal(weight, CpuController.Weight(shares));

    [Fact]
    public void V1CpuWritesSharesAndQuota()
    {
        new CpuController().Apply(_dir, 1, new CgroupLimits(1.5, 0, CfsQuota: true));
        Assert.Equal("1536", Read("cpu.shares"));
        Assert.Equal("100000", Read("cpu.cfs_period_us"));
        Assert.Equal("150000", Read("cpu.cfs_quota_us"));
    }

    [Fact]
    public void V2CpuWritesWeightAndMaxAndReadsUsageFromCpuStat()
    {
        var cpu = new CpuController();
        cpu.Apply(_dir, 2, new CgroupLimits(0.25, 0, CfsQuota: true));
        Assert.Equal(CpuController.Weight(256).ToString(System.Globalization.CultureInfo.InvariantCulture), Read("cpu.weight"));
        Assert.Equal("25000 100000", Read("cpu.max"));
        File.WriteAllText(Path.Combine(_dir, "cpu.stat"), "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n");
        var usage = cpu.Collect(_dir, 2, new());
        Assert.Equal((2.5, 2.0, 0.5), (usage.CpuSeconds, usage.CpuUserSeconds, usage.CpuSystemSeconds));
    }

    [Fact]
    public void MemoryLimitHasMesosFloorAndV2DisablesSwap()
    {
        File.WriteAllText(Path.Combine(_dir, "memory.swap.max"), "max");
        new MemoryController().Apply(_dir, 2, new CgroupLimits(1, 16));
        Assert.Equal((32L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), Read("memory.max"));
        Assert.Equal("0", Read("memory.swap.max"));
    }

    [Fact]
    public void OomIsReadFromTheV2EventsCounter()
    {
        File.WriteAllText(Path.Combine(_dir, "memory.events"), "low 0\nhigh 0\nmax 12\noom 1\noom_kill 0\n");
        Assert.Null(MemoryController.OomLimitation(_dir, 2, 64));
        File.WriteAllText(Path.Combine(_dir, "memory.events"), "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\n");
        File.WriteAllText(Path.Combine(_dir, "memory.peak"), (64L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var limitation = MemoryController.OomLimitation(_dir, 2, 64);
        Assert.NotNull(limitation);
        Assert.Equal(TaskStatusReason.REASON_CONTAINER_LIMITATION_MEMORY, limitation.Reason);
        Assert.StartsWith("Memory limit exceeded: Requested: 64MB Maximum Used: 64MB", limitation.Message);
    }

    [Fact]
    public void OomIsReadFromTheV1OomControl()
    {
        File.WriteAllText(Path.Combine(_dir, "memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        Assert.NotNull(MemoryController.OomLimitation(_dir, 1, 64));
    }

    [Fact]
    public void PidsCapIsWrittenOnlyWhenSet()
    {
        var pids = new PidsController();
        pids.Apply(_dir, 2, new CgroupLimits(1, 64));
        Assert.False(File.Exists(Path.Combine(_dir, "pids.max")));
        pids.Apply(_dir, 2, new CgroupLimits(1, 64, MaxPids: 100));
        Assert.Equal("100", Read("pids.max"));
    }
}
