using Tessera.Agent.Resources;
using Tessera.Core.Resources;

namespace Tessera.Agent.Tests.Resources;

public sealed class ResourceShareTests
{
    private static readonly ResourceSet Machine = ResourceSet.Parse("cpus:2;mem:9000;disk:30000;ports:[31000-32000]");

    [Fact]
    public void EveryAgentOffersAllCpusAndASliceOfMemoryDiskAndPorts()
    {
        var agents = Enumerable.Range(0, 3).Select(i => ResourceShare.Split(Machine, i, 3)).ToArray();

        Assert.All(agents, a => Assert.Equal(2, a.Cpus));
        Assert.All(agents, a => Assert.Equal(3000, a.Mem));
        Assert.All(agents, a => Assert.Equal(10000, a.Disk));
        Assert.Equal(["[31000-31999]", "[32000-32999]", "[33000-33999]"], agents.Select(a => a.Ports.ToString()));
    }

    [Fact]
    public void MemoryNeverGoesBelow32Mb()
    {
        Assert.Equal(32, ResourceShare.Split(ResourceSet.Parse("cpus:1;mem:40;disk:0"), 0, 4).Mem);
    }

    [Fact]
    public void GivenKindsReplaceTheDetectedOnes()
    {
        var agent = ResourceShare.Split(Machine, 1, 3, given: ResourceSet.Parse("cpus:4;mem:2048;gpus:1"));

        Assert.Equal(ResourceSet.Parse("cpus:4;mem:2048;gpus:1;disk:10000;ports:[32000-32999]"), agent);
    }

    [Fact]
    public void PortsCannotBeGiven()
    {
        Assert.Throws<ArgumentException>(() => ResourceShare.Split(Machine, 0, 1, given: ResourceSet.Parse("ports:[1000-2000]")));
    }
}
