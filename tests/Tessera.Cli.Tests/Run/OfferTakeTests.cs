using Tessera.Cli.Run;
using Tessera.Core.Resources;

namespace Tessera.Cli.Tests.Run;

public sealed class OfferTakeTests
{
    private static readonly ResourceAsk Ask = new(1, 256, 0, 2, "*");

    [Fact]
    public void TakesScalarsAndPortsAndLeavesTheRest()
    {
        var offered = ResourceWireForm.ToWire(ResourceSet.Parse("cpus:2.5;mem:1024;ports:[31000-31000,31005-31010]").AllocatedTo("*"));
        var take = OfferTake.From(offered, Ask)!;
        var taken = ResourceWireForm.FromWire(take.Taken);
        Assert.Equal(1, taken.Cpus);
        Assert.Equal(256, taken.Mem);
        Assert.Equal([31000UL, 31005UL], take.Ports);
        Assert.All(take.Taken, r => Assert.Equal("*", r.AllocationInfo?.Role));
        var left = ResourceWireForm.FromWire(take.Left);
        Assert.Equal(1.5, left.Cpus);
        Assert.Equal(768, left.Mem);
        Assert.Equal(5UL, left.Ports.Count);
        var second = OfferTake.From(take.Left, Ask)!;
        Assert.Equal([31006UL, 31007UL], second.Ports);
    }

    [Fact]
    public void NullWhenTheOfferIsTooSmall()
    {
        Assert.Null(OfferTake.From(ResourceWireForm.ToWire(ResourceSet.Parse("cpus:0.5;mem:1024;ports:[1-10]")), Ask));
        Assert.Null(OfferTake.From(ResourceWireForm.ToWire(ResourceSet.Parse("cpus:4;mem:1024;ports:[1-1]")), Ask));
    }
}
