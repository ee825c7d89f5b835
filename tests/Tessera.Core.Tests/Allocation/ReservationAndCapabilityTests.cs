using Tessera.Core.Allocation;
using Tessera.Core.Resources;
using static Tessera.Core.Tests.Allocation.AllocatorTestKit;

namespace Tessera.Core.Tests.Allocation;

public sealed class ReservationAndCapabilityTests
{
    [Fact]
    public void ReservedResourcesGoOnlyToTheirRole()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus(ops):2;mem(ops):512").Framework("web", "web").Framework("ops", "ops");
        var offer = Assert.Single(kit.Cycle().Offers);
        Assert.Equal("ops", offer.FrameworkId);
        var why = Assert.IsType<NothingAllocatable>(Assert.Single(Allocator.Explain(kit.State.Snapshot(), kit.Now, "a1", "web").Reasons));
        Assert.Contains("no free resources", why.Describe());
    }

    [Fact]
    public void ReservedAndUnreservedPartsGoToDifferentFrameworks()
    {
        // Role "apps" sorts before "ops" (equal zero shares), so it takes the unreserved part first;
        // what is reserved to ops is left for ops.
        var kit = new AllocatorTestKit().Agent("a1", "cpus:2;mem:512;cpus(ops):1;mem(ops):256")
            .Framework("a-web", "apps").Framework("b-ops", "ops");
        var plan = kit.Cycle();
        Assert.Equal(2, plan.Offers.Length);
        var ops = Assert.Single(plan.Offers, o => o.FrameworkId == "b-ops");
        var web = Assert.Single(plan.Offers, o => o.FrameworkId == "a-web");
        Assert.All(web.Resources, r => Assert.True(r.IsUnreserved));
        Assert.Contains(ops.Resources, r => r.ReservationRole == "ops");
    }

    [Fact]
    public void ParentReservationsServeChildRoles()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus(eng):2;mem(eng):512").Framework("f", "eng/web");
        Assert.Equal("eng/web", Assert.Single(kit.Cycle().Offers).Role);
    }

    [Fact]
    public void GpuAgentsOnlyForGpuFrameworks()
    {
        var kit = new AllocatorTestKit().Agent("gpu", "cpus:8;mem:8192;gpus:2").Agent("plain", "cpus:8;mem:8192")
            .Framework("cpu-only").Framework("ml", AllocatorCapabilities.GpuResources);
        kit.State.Suppress("ml", []);
        var plan = kit.Cycle();
        Assert.Equal("plain", Assert.Single(plan.Offers).AgentId);
        Assert.IsType<GpuAgentReserved>(Assert.Single(Allocator.Explain(kit.State.Snapshot(), kit.Now, "gpu", "cpu-only").Reasons));
        kit.State.Revive("ml", []);
        Assert.Equal(("ml", "gpu"), (Assert.Single(kit.Cycle().Offers).FrameworkId, "gpu"));
    }

    [Fact]
    public void RevocableResourcesNeedTheCapability()
    {
        var kit = new AllocatorTestKit();
        kit.State.AddAgent("a1", "a1", ResourceSet.Of(Resource.OfScalar("cpus", 2).AsRevocable(), Resource.OfScalar("mem", 128).AsRevocable()));
        kit.Framework("plain");
        Assert.Empty(kit.Cycle().Offers);
        kit.State.RemoveFramework("plain");
        kit.Framework("rev", AllocatorCapabilities.RevocableResources);
        Assert.Single(kit.Cycle().Offers);
    }

    [Fact]
    public void MultiRoleFrameworksGetAnOfferPerRole()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus(web):1;mem(web):128;cpus(batch):1;mem(batch):128")
            .Framework("f", AllocatorCapabilities.MultiRole, "web", "batch");
        var plan = kit.Cycle();
        Assert.Equal(["batch", "web"], plan.Offers.Select(o => o.Role).Order());
        Assert.All(plan.Offers, o => Assert.All(o.Resources, r => Assert.True(r.IsAllocatableTo(o.Role))));
    }

    [Fact]
    public void PropertyNeverOffersMoreThanAnAgentHasNorAReservationToAnotherRole()
    {
        var roles = new[] { "a", "b", "c", "b/x" };
        for (var seed = 0; seed < 100; seed++)
        {
            var rng = new Random(seed);
            var kit = new AllocatorTestKit(AllocatorOptions.Default with { Seed = seed });
            for (var i = 0; i < rng.Next(1, 20); i++)
            {
                var role = roles[rng.Next(roles.Length)];
                kit.Agent($"a{i}", $"cpus:{rng.Next(1, 8)};mem:{rng.Next(64, 4096)};cpus({role}):{rng.Next(0, 3)};mem({role}):{rng.Next(0, 512)};ports:[31000-{31000 + rng.Next(0, 50)}]");
            }
            for (var i = 0; i < rng.Next(1, 8); i++)
                kit.Framework($"f{i}", AllocatorCapabilities.MultiRole, roles.Where(_ => rng.Next(2) == 0).DefaultIfEmpty("a").ToArray());
            for (var cycle = 0; cycle < 5; cycle++)
            {
                var snapshot = kit.State.Snapshot();
                var plan = Allocator.Decide(snapshot, kit.Now);
                foreach (var byAgent in plan.Offers.GroupBy(o => o.AgentId))
                {
                    var agent = snapshot.Agents.Single(a => a.Id == byAgent.Key);
                    var offered = byAgent.Aggregate(ResourceSet.Empty, (sum, o) => sum + o.Resources);
                    Assert.True(agent.Available.Contains(offered), $"seed {seed}: offered {offered} from {agent.Available}");
                }
                foreach (var offer in plan.Offers)
                    foreach (var r in offer.Resources.Where(r => r.IsReserved))
                        Assert.True(offer.Role == r.ReservationRole || RoleName.IsStrictSubrole(offer.Role, r.ReservationRole),
                            $"seed {seed}: {r} offered to role {offer.Role}");
                kit.State.Apply(plan);
                // Give half back so later cycles have something to hand out.
                foreach (var offer in plan.Offers.Where((_, i) => i % 2 == 0))
                    kit.State.Recover(offer.FrameworkId, offer.AgentId, offer.Role, offer.Resources, 0, kit.Now);
            }
        }
    }
}

public sealed class ConversionTests
{
    [Fact]
    public void ReserveConvertsHeldResourcesAndTheAgentTotal()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:4;mem:1024").Framework("f", "ops");
        kit.Cycle();
        var from = AllocatorTestKit.R("cpus:1");
        var to = ResourceSet.Of(Resource.OfScalar("cpus", 1).PushReservation(Reservation.Dynamic("ops", "p")));
        kit.State.Convert("f", "a1", "ops", from, to);
        Assert.Equal(1, kit.State.Agents["a1"].Total.ReservedTo("ops").Cpus);
        Assert.Equal(4, kit.State.Agents["a1"].Total.Cpus);
        // Give it all back: the reserved cpu is now offered only to ops.
        kit.State.Recover("f", "a1", "ops", AllocatorTestKit.R("cpus:3;mem:1024") + to, 0, kit.Now);
        Assert.Equal(1, kit.State.Agents["a1"].Available.ReservedTo("ops").Cpus);
        Assert.Throws<ResourceInvariantException>(() => kit.State.Convert("f", "a1", "ops", from, to));
    }
}
