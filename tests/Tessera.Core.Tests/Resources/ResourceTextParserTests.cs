using Tessera.Core.Resources;

namespace Tessera.Core.Tests.Resources;

public sealed class ResourceTextParserTests
{
    [Fact]
    public void ParsesTheAgentFormat()
    {
        var set = ResourceSet.Parse("cpus:4;mem:8192;disk(ops):100;ports:[31000-32000,40000-40010]");
        Assert.Equal(4, set.Cpus);
        Assert.Equal(8192, set.Mem);
        Assert.Equal(100, set.ReservedTo("ops").Disk);
        Assert.Equal(1012UL, set.Ports.Count);
        Assert.Equal("cpus:4; mem:8192; disk(ops):100; ports:[31000-32000, 40000-40010]", set.ToString());
    }

    [Fact]
    public void ToleratesSpacesAndTrailingSeparator()
    {
        var set = ResourceSet.Parse(" cpus : 2 ; mem:1024 ; zones:{ a , b };");
        Assert.Equal(2, set.Cpus);
        Assert.Equal(2, set.Named("zones")[0].Set.Count);
    }

    [Fact]
    public void DefaultRoleAppliesToUnqualifiedResources()
    {
        var set = ResourceSet.Parse("cpus:4;mem(*):128", "ops");
        Assert.Equal("ops", set.Named("cpus")[0].ReservationRole);
        Assert.True(set.Named("mem")[0].IsUnreserved);
    }

    [Theory]
    [InlineData("cpus:4;mem:abc", 7, "mem:abc", "'abc' is not a number")]
    [InlineData("cpus:4;mem", 7, "mem", "expected 'name:value'")]
    [InlineData("cpus:-1", 0, "cpus:-1", "negative")]
    [InlineData("cpus:1; ports:[5-3]", 8, "ports:[5-3]", "begin greater than end")]
    [InlineData("ports:[1-5,5-9]", 0, "ports:[1-5,5-9]", "overlap")]
    [InlineData("cpus(a b):1", 0, "cpus(a b):1", "ASCII letters")]
    [InlineData("gpus:0.5", 0, "gpus:0.5", "whole number")]
    [InlineData("cpus:NaN", 0, "cpus:NaN", "not a number")]
    [InlineData("cpus:[1-2]", 0, "cpus:[1-2]", "cpus must be SCALAR")]
    [InlineData(":4", 0, ":4", "name is empty")]
    public void ErrorsPointAtTheToken(string text, int position, string token, string reason)
    {
        var ex = Assert.Throws<ResourceParseException>(() => ResourceSet.Parse(text));
        Assert.Equal(position, ex.Position);
        Assert.Equal(token, ex.Token);
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void RoundTripsThroughText()
    {
        var set = ResourceSet.Parse("cpus:0.25;cpus(ops):1;mem:96.5;ports:[1-2,4-9];zones:{a,b}");
        Assert.Equal(set, ResourceSet.Parse(set.ToString()));
    }

    [Fact]
    public void QuantitiesParseScalarsOnly()
    {
        Assert.Equal("cpus:0.01; mem:32", ResourceQuantities.Parse("cpus:0.01;mem:32").ToString());
        Assert.Throws<ResourceParseException>(() => ResourceQuantities.Parse("ports:[1-2]"));
    }
}
