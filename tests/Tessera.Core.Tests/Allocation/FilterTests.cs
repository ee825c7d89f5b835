using Tessera.Core.Allocation;
using static Tessera.Core.Tests.Allocation.AllocatorTestKit;

namespace Tessera.Core.Tests.Allocation;

public sealed class FilterTests
{
    [Theory]
    [InlineData(null, 5.0)]
    [InlineData(-1.0, 5.0)]
    [InlineData(double.NaN, 5.0)]
    [InlineData(2.5, 2.5)]
    [InlineData(1e12, 31536000.0)]
    public void RefuseSecondsDefaultsAndCap(double? asked, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, OfferFilter.RefusePeriod(asked)!.Value.TotalSeconds);

    [Fact]
    public void ZeroRefuseSecondsMakesNoFilter() => Assert.Null(OfferFilter.RefusePeriod(0));

    [Theory]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(17.25)]
    [InlineData(3600.0)]
    public void FilterExpiresExactlyAtItsDeadline(double refuse)
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:2;mem:1024").Framework("f1");
        kit.DeclineAll(kit.Cycle(), refuse);
        var deadline = kit.Now + TimeSpan.FromSeconds(refuse);

        kit.Now = deadline - TimeSpan.FromTicks(1);
        Assert.Empty(kit.Cycle().Offers);
        var why = Assert.IsType<OfferFiltered>(Assert.Single(Allocator.Explain(kit.State.Snapshot(), kit.Now, "a1", "f1").Reasons));
        Assert.Equal(deadline, why.Until);

        kit.Now = deadline;
        Assert.Single(kit.Cycle().Offers);
    }

    [Fact]
    public void FilterOnlyHoldsForWhatWasRefused()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:4;mem:1024").Framework("f1");
        var offer = kit.Cycle().Offers[0];
        // Keep 1 cpu in use, decline the rest for an hour.
        var used = R("cpus:1;mem:128");
        kit.State.Recover("f1", "a1", "*", offer.Resources - used, 3600, kit.Now);
        Assert.Empty(kit.Cycle().Offers);
        // The task ends: more is free than was refused, so the filter no longer applies.
        kit.State.Recover("f1", "a1", "*", used, 0, kit.Now);
        Assert.Single(kit.Cycle().Offers);
    }

    [Fact]
    public void FilteredAgentGoesToTheNextFramework()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:2;mem:1024").Framework("f1").Framework("f2");
        var plan = kit.Cycle();
        var first = Assert.Single(plan.Offers);
        kit.DeclineAll(plan, 60);
        var second = Assert.Single(kit.Cycle().Offers);
        Assert.NotEqual(first.FrameworkId, second.FrameworkId);
    }

    [Fact]
    public void ReviveClearsFiltersAndSuppression()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:2;mem:1024").Framework("f1", "web");
        kit.DeclineAll(kit.Cycle(), 3600);
        kit.State.Suppress("f1", []);
        Assert.Empty(kit.Cycle().Offers);
        kit.State.Revive("f1", ["web"]);
        Assert.Single(kit.Cycle().Offers);
    }

    [Fact]
    public void SuppressIsPerRole()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:2;mem:1024").Agent("a2", "cpus:2;mem:1024")
            .Framework("f1", AllocatorCapabilities.MultiRole, "web", "batch");
        kit.State.Suppress("f1", ["web"]);
        var plan = kit.Cycle();
        Assert.All(plan.Offers, o => Assert.Equal("batch", o.Role));
        Assert.Equal(2, plan.Offers.Length);
        var explanation = Allocator.Explain(kit.State.Snapshot(), kit.Now, "a1", "f1");
        Assert.Contains(explanation.Reasons, r => r is RoleSuppressed { Role: "web" });
    }
}
