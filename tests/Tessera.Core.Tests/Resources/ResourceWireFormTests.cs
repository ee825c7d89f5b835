using Tessera.Core.Protocol.Json;
using Tessera.Core.Resources;
using Wire = Tessera.Core.Protocol;

namespace Tessera.Core.Tests.Resources;

public sealed class ResourceWireFormTests
{
    [Fact]
    public void ParsesTheJsonForm()
    {
        var set = ResourceSet.Parse("""
            [{"name":"cpus","type":"SCALAR","scalar":{"value":4}},
             {"name":"mem","type":"SCALAR","scalar":{"value":"8192"},"role":"ops"},
             {"name":"disk","type":"SCALAR","scalar":{"value":100},"role":"ops","reservation":{"principal":"alice"}},
             {"name":"ports","type":"RANGES","ranges":{"range":[{"begin":31000,"end":32000}]}},
             {"name":"zones","type":"SET","set":{"item":["a","b"]},"unknown_field":1}]
            """);
        Assert.Equal(4, set.Cpus);
        var mem = Assert.Single(set.Named("mem"));
        Assert.Equal(ReservationType.Static, mem.Reservations[0].Type);
        var disk = Assert.Single(set.Named("disk"));
        Assert.Equal(Reservation.Dynamic("ops", "alice"), disk.Reservations[0]);
        Assert.Equal(1001UL, set.Ports.Count);
        Assert.Equal(2, set.Named("zones")[0].Set.Count);
    }

    [Theory]
    [InlineData("""[{"name":"cpus","type":"SCALAR","scalar":{"value":-1}}]""", "$[0].scalar.value", "negative")]
    [InlineData("""[{"name":"cpus","type":"SCALAR"},{"name":"mem","type":"SCALAR","scalar":{"value":1}}]""", "$[0].scalar", "needs 'scalar'")]
    [InlineData("""[{"name":"cpus","type":"SCALAR","scalar":{"value":1}},{"name":"x","type":"TEXT"}]""", "$[1].type", "SCALAR, RANGES or SET")]
    [InlineData("""[{"name":"cpus","type":"SCALAR","scalar":{"value":"Infinity"}}]""", "$[0].scalar.value", "finite")]
    [InlineData("""[{"name":"cpus","type":"SCALAR","scalar":{"value":1},"role":"*","reservation":{}}]""", "$[0].reservation", "unreserved")]
    [InlineData("""[{"name":"cpus","type":"SCALAR","scalar":{"value":true}}]""", "$[0].scalar.value", "a number")]
    [InlineData("""[{"type":"SCALAR","scalar":{"value":1}}]""", "$[0]", "name")]
    [InlineData("""[{"name":"ports","type":"RANGES","ranges":{"range":[{"begin":5,"end":1}]}}]""", "$[0]", "begin greater than end")]
    [InlineData("""[{"name":"cpus","type":"SCALAR","scalar":{"value":1e308}}]""", "$[0].scalar.value", "at most 1099511627776")]
    [InlineData("""[{"name":"cpus","type":"SCALAR","scalar":{"value":1e-320}}]""", "$[0].scalar.value", "at least 0.001")]
    [InlineData("""[{"name":"mem","type":"SCALAR","scalar":{"value":0.0004}}]""", "$[0].scalar.value", "at least 0.001")]
    public void JsonErrorsNameTheField(string json, string path, string rule)
    {
        var ex = Assert.Throws<ResourceParseException>(() => ResourceSet.Parse(json));
        Assert.StartsWith(path, ex.Token);
        Assert.Contains(rule, ex.Message);
    }

    [Fact]
    public void ZeroAndTheGranularityAreAccepted()
    {
        var set = ResourceSet.Parse("""[{"name":"cpus","type":"SCALAR","scalar":{"value":0.0005}},{"name":"mem","type":"SCALAR","scalar":{"value":0}}]""");

        Assert.Equal(0.001, set.Cpus);
    }

    [Fact]
    public void RefinementFormatRoundTrips()
    {
        var cpus = Resource.OfScalar("cpus", 2).PushReservation(Reservation.Dynamic("eng", "alice", new ResourceLabel("k", "v")))
            .PushReservation(Reservation.Dynamic("eng/web", "bob")).WithAllocation("eng/web");
        var volume = Resource.OfScalar("disk", 64, "ops").WithDisk(new DiskInfo("v1", "alice", "data", VolumeMode.ReadOnly, DiskSourceType.Mount, "/mnt/d1"));
        var set = ResourceSet.Of(cpus, volume, Resource.OfRanges("ports", RangeSet.Of(new ValueRange(1, 9))).AsRevocable());
        var json = MesosJson.Serialize(ResourceWireForm.ToWire(set));
        Assert.Equal(set, ResourceSet.Parse(json));
        Assert.Contains("\"reservations\":[{\"type\":\"DYNAMIC\",\"role\":\"eng\",\"principal\":\"alice\"", json);
        Assert.DoesNotContain("\"role\":\"*\"", json);
    }

    [Fact]
    public void OlderFormatWritesRoleStarForUnreservedAsMesos()
    {
        var offered = ResourceSet.Parse("cpus:4").AllocatedTo("*");
        var json = MesosJson.Serialize(ResourceWireForm.ToWire(offered, reservationRefinement: false));
        Assert.Equal("""[{"name":"cpus","type":"SCALAR","scalar":{"value":4.0},"role":"*","allocation_info":{"role":"*"}}]""", json);
    }

    [Fact]
    public void OlderFormatKeepsDynamicPrincipal()
    {
        var disk = Resource.OfScalar("disk", 10).PushReservation(Reservation.Dynamic("ops", "alice"));
        var wire = ResourceWireForm.ToWire(disk, reservationRefinement: false);
        Assert.Equal("ops", wire.Role);
        Assert.Equal("alice", wire.Reservation!.Principal);
        Assert.Equal(disk, ResourceWireForm.FromWire(wire));
    }

    [Fact]
    public void ReadsTheExampleOfferResources()
    {
        var wire = MesosJson.Deserialize<IReadOnlyList<Wire.Resource>>("""
            [{"name":"cpus","type":"SCALAR","scalar":{"value":4.0},"role":"*","allocation_info":{"role":"*"}},
             {"name":"mem","type":"SCALAR","scalar":{"value":7680.0},"role":"*","allocation_info":{"role":"*"}},
             {"name":"ports","type":"RANGES","ranges":{"range":[{"begin":31000,"end":32000}]},"role":"*","allocation_info":{"role":"*"}}]
            """);
        var set = ResourceWireForm.FromWire(wire);
        Assert.Equal(ResourceSet.Parse("cpus:4;mem:7680;ports:[31000-32000]").AllocatedTo("*"), set);
    }
}
