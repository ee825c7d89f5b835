using Tessera.Agent.Isolation;

namespace Tessera.Agent.Tests.Isolation;

public sealed class CgroupMountsTests
{
    // This machine kind: v1 controllers, a v2 hierarchy at /sys/fs/cgroup/unified owning only hugetlb.
    private const string Hybrid = """
        30 25 0:26 / /sys/fs/cgroup ro,nosuid,nodev,noexec - tmpfs tmpfs ro,mode=755
        31 30 0:27 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw
        32 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid - cgroup cgroup rw,cpu,cpuacct
        33 30 0:29 / /sys/fs/cgroup/memory rw,nosuid - cgroup cgroup rw,memory
        34 30 0:30 / /sys/fs/cgroup/pids rw,nosuid - cgroup cgroup rw,pids
        35 30 0:31 / /sys/fs/cgroup/systemd rw,nosuid - cgroup cgroup rw,xattr,name=systemd
        """;

    private const string PureV2 = """
        30 25 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate
        """;

    [Fact]
    public void HybridHostUsesV1ControllersWhereTheyAreMountedAndComountedOnesShareADirectory()
    {
        var mounts = CgroupMounts.Parse(Hybrid, path => path == "/sys/fs/cgroup/unified/cgroup.controllers" ? "hugetlb\n" : null);
        Assert.Equal("/sys/fs/cgroup/unified", mounts.V2MountPoint);
        Assert.Equal(new CgroupHierarchy(1, "/sys/fs/cgroup/cpu,cpuacct"), mounts.Controllers["cpu"]);
        Assert.Equal(new CgroupHierarchy(1, "/sys/fs/cgroup/cpu,cpuacct"), mounts.Controllers["cpuacct"]);
        Assert.Equal(new CgroupHierarchy(1, "/sys/fs/cgroup/memory"), mounts.Controllers["memory"]);
        Assert.False(mounts.Controllers.ContainsKey("freezer"));
        Assert.False(mounts.Controllers.ContainsKey("hugetlb"));
    }

    [Fact]
    public void PureV2HostTakesTheControllersItsRootOffers()
    {
        var mounts = CgroupMounts.Parse(PureV2, path => path == "/sys/fs/cgroup/cgroup.controllers" ? "cpuset cpu io memory hugetlb pids rdma misc\n" : null);
        Assert.Equal(["cpu", "memory", "pids"], mounts.Controllers.Keys.Order());
        Assert.All(mounts.Controllers.Values, h => Assert.Equal(new CgroupHierarchy(2, "/sys/fs/cgroup"), h));
    }

    [Fact]
    public void ThisHostsMountsAreRead()
    {
        var mounts = CgroupMounts.ReadHost();
        Assert.True(mounts.Controllers.ContainsKey("memory"), "this machine kind mounts the memory controller");
    }
}
