using Tessera.Core.Allocation;
using Tessera.Core.Resources;
using static Tessera.Core.Tests.Allocation.AllocatorTestKit;

namespace Tessera.Core.Tests.Allocation;

public sealed class FairnessTests
{
    [Fact]
    public void LowestDominantShareGoesFirst()
    {
        // f1 holds 3 of 10 cpus (30 %), f2 holds 2048 of 4096 mem (50 %): f1 is served first.
        var kit = new AllocatorTestKit().Agent("big", "cpus:10;mem:4096").Agent("free", "cpus:1;mem:64")
            .Framework("f1").Framework("f2");
        kit.State.Allocate("f1", "big", "*", R("cpus:3;mem:100"));
        kit.State.Allocate("f2", "big", "*", R("cpus:1;mem:2048"));
        var offer = Assert.Single(kit.Cycle().Offers, o => o.AgentId == "free");
        Assert.Equal("f1", offer.FrameworkId);
    }

    [Fact]
    public void WeightsDivideShares()
    {
        // Role a holds twice what b holds but has weight 4: a's weighted share is lower.
        var kit = new AllocatorTestKit().Agent("used", "cpus:30;mem:30000").Agent("free", "cpus:1;mem:128")
            .Framework("fa", "a").Framework("fb", "b");
        kit.State.SetWeight("a", 4);
        kit.State.Allocate("fa", "used", "a", R("cpus:20"));
        kit.State.Allocate("fb", "used", "b", R("cpus:10"));
        Assert.Equal("fa", Assert.Single(kit.Cycle().Offers, o => o.AgentId == "free").FrameworkId);
    }

    [Fact]
    public void HierarchyComparesSubtreesFirst()
    {
        // eng/* together hold 8 cpus, ops 6: ops wins although eng/b alone holds only 1.
        var kit = new AllocatorTestKit().Agent("used", "cpus:20;mem:20000").Agent("free", "cpus:1;mem:128")
            .Framework("fa", "eng/a").Framework("fb", "eng/b").Framework("fo", "ops");
        kit.State.Allocate("fa", "used", "eng/a", R("cpus:7"));
        kit.State.Allocate("fb", "used", "eng/b", R("cpus:1"));
        kit.State.Allocate("fo", "used", "ops", R("cpus:6"));
        Assert.Equal("fo", Assert.Single(kit.Cycle().Offers, o => o.AgentId == "free").FrameworkId);
    }

    [Fact]
    public void EqualFrameworksShareEqually()
    {
        var kit = new AllocatorTestKit();
        for (var i = 0; i < 40; i++) kit.Agent($"a{i:00}", "cpus:2;mem:1024");
        for (var i = 0; i < 4; i++) kit.Framework($"f{i}");
        var counts = kit.Cycle().Offers.GroupBy(o => o.FrameworkId).Select(g => g.Count()).ToList();
        Assert.Equal(4, counts.Count);
        Assert.All(counts, c => Assert.Equal(10, c));
    }

    [Fact]
    public void ExcludedNamesDoNotCountInShares()
    {
        // f1 holds all the GPUs but, with gpus excluded, a smaller cpu share than f2.
        var options = AllocatorOptions.Default with { FairSharingExcludedNames = ["gpus"], FilterGpuResources = false };
        var kit = new AllocatorTestKit(options).Agent("g", "cpus:10;mem:10000;gpus:4").Agent("free", "cpus:1;mem:128")
            .Framework("f1").Framework("f2");
        kit.State.Allocate("f1", "g", "*", R("cpus:1;gpus:4"));
        kit.State.Allocate("f2", "g", "*", R("cpus:2"));
        Assert.Equal("f1", Assert.Single(kit.Cycle().Offers, o => o.AgentId == "free").FrameworkId);
    }

    [Fact]
    public void PropertyDrfServesTheLowestWeightedShare()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var rng = new Random(seed);
            var kit = new AllocatorTestKit(AllocatorOptions.Default with { Seed = seed });
            kit.Agent("pool", "cpus:1000;mem:1000000").Agent("free", "cpus:1;mem:128");
            var n = rng.Next(2, 8);
            var roles = Enumerable.Range(0, n).Select(i => $"r{i}").ToArray();
            for (var i = 0; i < n; i++)
            {
                kit.Framework($"f{i}", roles[i]);
                kit.State.SetWeight(roles[i], rng.Next(1, 5));
                kit.State.Allocate($"f{i}", "pool", roles[i], R($"cpus:{rng.Next(0, 100)};mem:{rng.Next(0, 100000)}"));
            }
            // Only "free" is offered; "pool" just carries the allocations that make the shares.
            kit.State.SetAgentActive("pool", false);
            var snapshot = kit.State.Snapshot();
            var total = snapshot.TotalQuantities();
            double Share(AllocatorFramework f) =>
                Math.Max(f.AllocatedTo(f.Roles[0])["cpus"].Value / total["cpus"].Value, f.AllocatedTo(f.Roles[0])["mem"].Value / total["mem"].Value)
                / snapshot.WeightOf(f.Roles[0]);
            var expected = snapshot.Frameworks.OrderBy(Share).ThenBy(f => f.Id, StringComparer.Ordinal).First().Id;
            var offer = Assert.Single(Allocator.Decide(snapshot, kit.Now).Offers, o => o.AgentId == "free");
            Assert.True(expected == offer.FrameworkId, $"seed {seed}: expected {expected}, got {offer.FrameworkId}");
        }
    }

    [Fact]
    public void RandomSorterSpreadsAgentsAndIsReplayable()
    {
        var options = AllocatorOptions.Default with { RoleSorter = SorterKind.Random, FrameworkSorter = SorterKind.Random, Seed = 42 };
        AllocationPlan Run()
        {
            var kit = new AllocatorTestKit(options);
            for (var i = 0; i < 200; i++) kit.Agent($"a{i:000}", "cpus:2;mem:1024");
            for (var i = 0; i < 4; i++) kit.Framework($"f{i}");
            return kit.Cycle();
        }
        var a = Run();
        Assert.Equal(4, a.Offers.Select(o => o.FrameworkId).Distinct().Count());
        Assert.Equal(a.Offers.Select(o => (o.AgentId, o.FrameworkId)), Run().Offers.Select(o => (o.AgentId, o.FrameworkId)));
    }
}
