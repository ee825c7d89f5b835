using Tessera.Core.Resources;

namespace Tessera.Core.Tests.Resources;

public sealed class ResourceSetTests
{
    private static ResourceSet R(string text) => ResourceSet.Parse(text);

    [Fact]
    public void MergesSameIdentityAndKeepsReservationsApart()
    {
        var set = R("cpus:1;cpus:2;cpus(ops):4;mem:128");
        Assert.Equal(3, set.Count);
        Assert.Equal(7, set.Cpus);
        Assert.Equal(3, set.Unreserved().Cpus);
        Assert.Equal(4, set.ReservedTo("ops").Cpus);
    }

    [Fact]
    public void AddAndSubtractAreInverse()
    {
        var a = R("cpus:4;mem:8192;ports:[31000-32000]");
        var b = R("cpus:0.5;mem:128;ports:[31000-31000]");
        Assert.Equal(a, a - b + b);
        Assert.Equal(R("cpus:3.5;mem:8064;ports:[31001-32000]"), a - b);
    }

    [Fact]
    public void SubtractingMoreThanHeldViolatesTheInvariant()
    {
        var ex = Assert.Throws<ResourceInvariantException>(() => R("cpus:1") - R("cpus:2"));
        Assert.Contains("cpus", ex.Message);
        Assert.Throws<ResourceInvariantException>(() => R("cpus:1") - R("cpus(ops):1"));
    }

    [Fact]
    public void ContainsRespectsMetadata()
    {
        var agent = R("cpus:2;cpus(ops):2;mem:1024");
        Assert.True(agent.Contains(R("cpus:2;mem:512")));
        Assert.False(agent.Contains(R("cpus:3")));
        Assert.True(agent.Contains(R("cpus(ops):2")));
        Assert.False(agent.Contains(R("gpus:1")));
    }

    [Fact]
    public void AllocatableToIncludesAncestorReservations()
    {
        var set = R("cpus:1;cpus(eng):2;cpus(eng/web):4;cpus(ops):8");
        Assert.Equal(7, set.AllocatableTo("eng/web").Cpus);
        Assert.Equal(3, set.AllocatableTo("eng").Cpus);
        Assert.Equal(9, set.AllocatableTo("ops").Cpus);
        Assert.Equal(1, set.AllocatableTo("*").Cpus);
    }

    [Fact]
    public void FlattenDropsReservationsAndMerges()
    {
        var flat = R("cpus:1;cpus(ops):2").Flatten();
        Assert.Single(flat);
        Assert.Equal(3, flat.Cpus);
        Assert.True(flat[0].IsUnreserved);
    }

    [Fact]
    public void AllocationInfoIsPartOfIdentity()
    {
        var offered = R("cpus:2").AllocatedTo("web");
        Assert.Equal("web", offered[0].AllocationRole);
        Assert.False(R("cpus:2").Contains(offered));
        Assert.Equal(R("cpus:2"), offered.WithoutAllocation());
    }

    [Fact]
    public void QuantitiesCountRangesAndSets()
    {
        var q = R("cpus:1.5;cpus(ops):1;ports:[1-10,20-29];zones:{a,b,c}").Quantities;
        Assert.Equal("cpus:2.5; ports:20; zones:3", q.ToString());
    }

    [Fact]
    public void PersistentVolumesAreAtomic()
    {
        var volume = Resource.OfScalar("disk", 64, "ops").WithDisk(new DiskInfo(PersistenceId: "v1", ContainerPath: "data"));
        var set = R("disk(ops):100") + volume;
        Assert.Equal(2, set.Count);
        Assert.True(set.Contains(volume));
        Assert.False(set.Contains(volume.WithScalar(ScalarValue.FromDouble(32))));
        Assert.Equal(R("disk(ops):100"), set - volume);
        Assert.Throws<ResourceInvariantException>(() => set - volume - volume);
    }

    [Fact]
    public void ReservationRefinementMustNarrowTheRole()
    {
        var cpus = Resource.OfScalar("cpus", 1).PushReservation(Reservation.Dynamic("eng", "alice"));
        var refined = cpus.PushReservation(Reservation.Dynamic("eng/web", "bob"));
        Assert.Equal("eng/web", refined.ReservationRole);
        Assert.Equal("eng", refined.PopReservation().ReservationRole);
        Assert.Throws<ResourceInvariantException>(() => cpus.PushReservation(Reservation.Dynamic("ops")));
        Assert.Throws<ResourceInvariantException>(() => cpus.PushReservation(Reservation.Static("eng/web")));
        Assert.Throws<ResourceInvariantException>(() => Resource.OfScalar("cpus", 1).PushReservation(Reservation.Dynamic("*")));
    }

    [Fact]
    public void ConstructionChecksKindsAndWholeGpus()
    {
        Assert.Throws<ResourceInvariantException>(() => Resource.OfScalar("gpus", 0.5));
        Assert.Throws<ResourceInvariantException>(() => Resource.OfScalar("ports", 5));
        Assert.Throws<ResourceInvariantException>(() => Resource.OfScalar("cpus", -1));
        Assert.Throws<ResourceInvariantException>(() => Resource.OfScalar("mem", 1).WithDisk(new DiskInfo()));
    }

    [Fact]
    public void EqualityIgnoresOrder() => Assert.Equal(R("mem:1;cpus:2"), R("cpus:2;mem:1"));

    [Fact]
    public void RandomisedAddSubtractKeepsTotals()
    {
        var rng = new Random(1234);
        var total = R("cpus:64;mem:262144;disk:1000000");
        var free = total;
        var taken = new List<ResourceSet>();
        for (var i = 0; i < 2000; i++)
        {
            if (taken.Count > 0 && rng.Next(3) == 0)
            {
                var k = rng.Next(taken.Count);
                free += taken[k];
                taken.RemoveAt(k);
            }
            else
            {
                var ask = ResourceSet.Of(
                    Resource.OfScalar("cpus", rng.Next(1, 40) / 10.0),
                    Resource.OfScalar("mem", rng.Next(32, 4096)));
                if (!free.Contains(ask)) continue;
                free -= ask;
                taken.Add(ask);
            }
            var used = taken.Aggregate(ResourceSet.Empty, (a, b) => a + b);
            Assert.Equal(total.Quantities, (free + used).Quantities);
        }
    }
}

public sealed class ResourceLimitsTests
{
    [Fact]
    public void ZeroIsALimitAndAbsenceIsNone()
    {
        var limits = ResourceLimits.Parse("cpus:0; mem:1024");
        Assert.Equal(0, limits["cpus"]!.Value.Milli);
        Assert.Null(limits["disk"]);
        Assert.False(limits.Allows(ResourceQuantities.Parse("cpus:0.001")));
        Assert.True(limits.Allows(ResourceQuantities.Parse("mem:1024;disk:1000000")));
    }

    [Theory]
    [InlineData("cpus:-1", "cpus:-1")]
    [InlineData("cpus:1;mem", "mem")]
    [InlineData("cpus:x", "cpus:x")]
    public void BadLimitsNameTheToken(string text, string token) =>
        Assert.Equal(token, Assert.Throws<ResourceParseException>(() => ResourceLimits.Parse(text)).Token);
}
