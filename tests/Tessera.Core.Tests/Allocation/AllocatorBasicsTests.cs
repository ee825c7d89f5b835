using Tessera.Core.Allocation;
using Tessera.Core.Resources;
using static Tessera.Core.Tests.Allocation.AllocatorTestKit;

namespace Tessera.Core.Tests.Allocation;

public sealed class AllocatorBasicsTests
{
    [Fact]
    public void OffersAWholeAgentWithAllocationInfo()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:4;mem:1024;ports:[31000-32000]").Framework("f1");
        var offer = Assert.Single(kit.Cycle().Offers);
        Assert.Equal(("f1", "a1", "*"), (offer.FrameworkId, offer.AgentId, offer.Role));
        Assert.Equal(R("cpus:4;mem:1024;ports:[31000-32000]"), offer.Resources);
    }

    [Fact]
    public void AllocatedResourcesAreNotOfferedAgainUntilRecovered()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:4;mem:1024").Framework("f1");
        var first = kit.Cycle();
        Assert.Empty(kit.Cycle().Offers);
        kit.State.Recover("f1", "a1", "*", first.Offers[0].Resources, refuseSeconds: 0, kit.Now);
        Assert.Single(kit.Cycle().Offers);
    }

    [Fact]
    public void UnusedPartIsReofferedNextCycle()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:4;mem:1024").Framework("f1");
        var offer = kit.Cycle().Offers[0];
        var used = R("cpus:1;mem:128");
        kit.State.Recover("f1", "a1", "*", offer.Resources - used, refuseSeconds: 0, kit.Now);
        var next = Assert.Single(kit.Cycle().Offers);
        Assert.Equal(R("cpus:3;mem:896"), next.Resources);
    }

    [Fact]
    public void TooLittleToRunAnythingIsNotOffered()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:0.005;mem:16;disk:100").Framework("f1");
        var snapshot = kit.State.Snapshot();
        Assert.Empty(Allocator.Decide(snapshot, kit.Now).Offers);
        var why = Assert.IsType<BelowMinAllocatable>(Assert.Single(Allocator.Explain(snapshot, kit.Now, "a1", "f1").Reasons));
        Assert.Contains("below the minimum allocatable", why.Describe());
    }

    [Fact]
    public void MinAllocatableAlternativesAreEachEnough()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:0.001;mem:64").Agent("a2", "cpus:1;mem:1").Framework("f1");
        Assert.Equal(2, kit.Cycle().Offers.Length);
    }

    [Fact]
    public void InactiveFrameworksAndAgentsGetNothing()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:1;mem:128").Framework("f1");
        kit.State.SetFrameworkActive("f1", false);
        Assert.Empty(kit.Cycle().Offers);
        Assert.IsType<FrameworkInactive>(Assert.Single(Allocator.Explain(kit.State.Snapshot(), kit.Now, "a1", "f1").Reasons));
        kit.State.SetFrameworkActive("f1", true);
        kit.State.SetAgentActive("a1", false);
        Assert.Empty(kit.Cycle().Offers);
        Assert.IsType<AgentInactive>(Assert.Single(Allocator.Explain(kit.State.Snapshot(), kit.Now, "a1", "f1").Reasons));
    }

    [Fact]
    public void SameSnapshotAndSeedGiveTheSamePlan()
    {
        var kit = new AllocatorTestKit(AllocatorOptions.Default with { Seed = 7 });
        for (var i = 0; i < 50; i++) kit.Agent($"a{i}", "cpus:2;mem:1024");
        for (var i = 0; i < 7; i++) kit.Framework($"f{i}");
        var snapshot = kit.State.Snapshot();
        var a = Allocator.Decide(snapshot, kit.Now);
        var b = Allocator.Decide(snapshot, kit.Now);
        Assert.Equal(a.Offers.Select(o => (o.FrameworkId, o.AgentId)), b.Offers.Select(o => (o.FrameworkId, o.AgentId)));
    }

    [Fact]
    public void RemovingAnAgentReleasesItsAllocations()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:4;mem:1024").Agent("a2", "cpus:4;mem:1024").Framework("f1");
        kit.Cycle();
        Assert.Equal(8, kit.State.Frameworks["f1"].AllocatedTo("*")["cpus"].Value);
        kit.State.RemoveAgent("a1");
        Assert.Equal(4, kit.State.Frameworks["f1"].AllocatedTo("*")["cpus"].Value);
    }

    [Fact]
    public void RecoveringWhatWasNeverAllocatedViolatesTheInvariant()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:4;mem:1024").Framework("f1");
        kit.Cycle();
        Assert.Throws<ResourceInvariantException>(() => kit.State.Recover("f1", "a1", "*", R("cpus:5"), 0, kit.Now));
        Assert.Throws<ResourceInvariantException>(() => kit.State.Allocate("f1", "a1", "*", R("cpus:1")));
    }

    [Fact]
    public void RemovingAFrameworkFreesItsResources()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:4;mem:1024").Framework("f1").Framework("f2");
        var plan = kit.Cycle();
        var holder = plan.Offers[0].FrameworkId;
        kit.State.RemoveFramework(holder);
        var next = Assert.Single(kit.Cycle().Offers);
        Assert.NotEqual(holder, next.FrameworkId);
    }
}
