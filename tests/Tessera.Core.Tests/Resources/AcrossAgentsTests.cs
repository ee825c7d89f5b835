using Tessera.Core.Resources;

namespace Tessera.Core.Tests.Resources;

public sealed class AcrossAgentsTests
{
    [Fact]
    public void SameRangesOfTwoAgentsAreAUnionAndScalarsAdd()
    {
        var a = ResourceSet.Parse("cpus:1;mem:128;ports:[31000-31000,31005-31010]");
        var b = ResourceSet.Parse("cpus:2;mem:64;ports:[31000-31003]");

        Assert.Throws<ResourceInvariantException>(() => a + b); // one agent's arithmetic refuses it
        var total = ResourceSet.AcrossAgents(a.Concat(b));

        Assert.Equal(3, total.Scalar("cpus").Value);
        Assert.Equal(192, total.Scalar("mem").Value);
        Assert.Equal("[31000-31003, 31005-31010]", total.Named("ports")[0].Ranges.ToString());
    }

    [Fact]
    public void SetsAreUnionedAndDifferentRolesStayApart()
    {
        var a = ResourceSet.Parse("gpus_ids:{a,b};cpus(web):1");
        var b = ResourceSet.Parse("gpus_ids:{b,c};cpus:1");

        var total = ResourceSet.AcrossAgents(a.Concat(b));

        Assert.Equal(3, total.Named("gpus_ids")[0].Set.Items.Count);
        Assert.Equal(2, total.Named("cpus").Count);
    }
}
