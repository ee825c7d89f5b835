using Tessera.Core.Allocation;
using Tessera.Core.Resources;

namespace Tessera.Core.Tests.Allocation;

/// <summary>Small helpers that keep allocator tests to the point: a state, a fixed clock, one cycle.</summary>
internal sealed class AllocatorTestKit
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public AllocatorTestKit(AllocatorOptions? options = null) => State = new AllocatorState(options ?? AllocatorOptions.Default);

    public AllocatorState State { get; }

    public DateTimeOffset Now { get; set; } = T0;

    public AllocatorTestKit Agent(string id, string resources)
    {
        State.AddAgent(id, id + ".example", ResourceSet.Parse(resources));
        return this;
    }

    public AllocatorTestKit Framework(string id, params string[] roles) => Framework(id, AllocatorCapabilities.None, roles);

    public AllocatorTestKit Framework(string id, AllocatorCapabilities caps, params string[] roles)
    {
        State.AddFramework(id, roles.Length == 0 ? ["*"] : roles, caps);
        return this;
    }

    /// <summary>Runs one cycle and applies it, as the master's loop does.</summary>
    public AllocationPlan Cycle()
    {
        State.ExpireFilters(Now);
        var plan = Allocator.Decide(State.Snapshot(), Now);
        State.Apply(plan);
        return plan;
    }

    /// <summary>Declines every offer of the plan with the given refusal.</summary>
    public void DeclineAll(AllocationPlan plan, double? refuseSeconds)
    {
        foreach (var o in plan.Offers)
            State.Recover(o.FrameworkId, o.AgentId, o.Role, o.Resources, refuseSeconds, Now);
    }

    public static ResourceSet R(string text) => ResourceSet.Parse(text);
}
