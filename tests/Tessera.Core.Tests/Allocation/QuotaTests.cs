using Tessera.Core.Allocation;
using Tessera.Core.Resources;
using static Tessera.Core.Tests.Allocation.AllocatorTestKit;

namespace Tessera.Core.Tests.Allocation;

public sealed class QuotaTests
{
    [Fact]
    public void LimitShrinksTheOffer()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:8;mem:8192").Framework("f", "web");
        kit.State.SetQuota("web", RoleQuota.Limit(ResourceLimits.Parse("cpus:3")));
        var offer = Assert.Single(kit.Cycle().Offers);
        Assert.Equal(3, offer.Resources.Cpus);
        Assert.Equal(8192, offer.Resources.Mem);
    }

    [Fact]
    public void ReachedLimitIsExplainedWithAmounts()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:8;mem:8192").Agent("a2", "cpus:8;mem:8192").Framework("f", "web");
        kit.State.SetQuota("web", RoleQuota.Limit(ResourceLimits.Parse("cpus:8;mem:8192")));
        kit.State.Allocate("f", "a1", "web", R("cpus:8;mem:8192"));
        Assert.Empty(kit.Cycle().Offers);
        var why = Assert.IsType<QuotaLimitReached>(Assert.Single(Allocator.Explain(kit.State.Snapshot(), kit.Now, "a2", "f").Reasons));
        Assert.Equal(("web", 8.0, 8.0, 8.0), (why.LimitedRole, why.Limit.Value, why.Consumed.Value, why.Available.Value));
        Assert.Contains("limit 8, consumed 8", why.Describe());
    }

    [Fact]
    public void ParentLimitBindsChildren()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:8;mem:8192").Framework("f", "eng/web");
        kit.State.SetQuota("eng", RoleQuota.Limit(ResourceLimits.Parse("cpus:2")));
        Assert.Equal(2, Assert.Single(kit.Cycle().Offers).Resources.Cpus);
    }

    [Fact]
    public void GuaranteeIsServedFirstAndHeldAsHeadroom()
    {
        // 'prod' is guaranteed 6 cpus. Even though 'dev' is first in DRF order (name, zero share),
        // prod's frameworks get the guaranteed part and dev only what's left beyond the headroom.
        var kit = new AllocatorTestKit().Agent("a1", "cpus:4;mem:4096").Agent("a2", "cpus:4;mem:4096")
            .Framework("a-dev", "dev").Framework("b-prod", "prod");
        kit.State.SetQuota("prod", RoleQuota.Guarantee(ResourceQuantities.Parse("cpus:6")));
        var plan = kit.Cycle();
        var prod = plan.Offers.Where(o => o.Role == "prod").Sum(o => o.Resources.Cpus);
        var dev = plan.Offers.Where(o => o.Role == "dev").Sum(o => o.Resources.Cpus);
        Assert.True(prod >= 6, $"prod got {prod}");
        Assert.Equal(8, prod + dev);
    }

    [Fact]
    public void HeadroomIsExplained()
    {
        var kit = new AllocatorTestKit().Agent("a1", "cpus:4;mem:4096").Framework("dev", "dev").Framework("prod", "prod");
        kit.State.SetQuota("prod", RoleQuota.Guarantee(ResourceQuantities.Parse("cpus:4")));
        kit.State.Suppress("prod", []);
        Assert.Empty(kit.Cycle().Offers.Where(o => o.Role == "dev" && o.Resources.Cpus > 0));
        var reasons = Allocator.Explain(kit.State.Snapshot(), kit.Now, "a1", "dev").Reasons;
        Assert.Contains(reasons, r => r is HeldForQuotaHeadroom { Name: "cpus" } || r is OfferedToOthers);
    }

    [Fact]
    public void QuotaOnStarOrAboveLimitsIsRefused()
    {
        var state = new AllocatorState(AllocatorOptions.Default);
        Assert.Throws<ArgumentException>(() => state.SetQuota("*", RoleQuota.Limit(ResourceLimits.Parse("cpus:1"))));
        Assert.Throws<ArgumentException>(() => state.SetQuota("web", new RoleQuota(ResourceQuantities.Parse("cpus:4"), ResourceLimits.Parse("cpus:2"))));
    }

    [Fact]
    public void PropertyLimitsHoldOverManyCycles()
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var rng = new Random(seed);
            var kit = new AllocatorTestKit(AllocatorOptions.Default with { Seed = seed });
            for (var i = 0; i < rng.Next(2, 30); i++)
                kit.Agent($"a{i}", $"cpus:{rng.Next(1, 16)};mem:{rng.Next(256, 16384)}");
            var roles = new[] { "a", "b", "a/x" };
            var limits = new Dictionary<string, ResourceLimits>();
            foreach (var role in roles)
            {
                if (rng.Next(3) == 0) continue;
                limits[role] = ResourceLimits.Parse($"cpus:{rng.Next(0, 20)};mem:{rng.Next(0, 20000)}");
                kit.State.SetQuota(role, RoleQuota.Limit(limits[role]));
            }
            for (var i = 0; i < rng.Next(1, 6); i++)
                kit.Framework($"f{i}", roles[rng.Next(roles.Length)]);
            for (var cycle = 0; cycle < 4; cycle++)
            {
                kit.Cycle();
                foreach (var (role, limit) in limits)
                {
                    var consumed = kit.State.Frameworks.Values.SelectMany(f => f.Allocated)
                        .Where(a => a.Key == role || RoleName.IsStrictSubrole(a.Key, role))
                        .Aggregate(ResourceQuantities.Empty, (s, a) => s + a.Value);
                    Assert.True(limit.Allows(consumed),
                        $"seed {seed}: role {role} consumed {consumed} over limit {limit}");
                }
            }
        }
    }
}
