using System.Collections.Immutable;
using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// The hierarchical weighted DRF allocator with quota, offer filters, suppression and the GPU and
/// capability rules of Mesos. Pure: <see cref="Decide"/> maps a snapshot and a time to the offers to
/// make; the host applies them (<see cref="AllocatorState.Apply"/>).
/// </summary>
public static class Allocator
{
    public static AllocationPlan Decide(AllocationSnapshot snapshot, DateTimeOffset now) =>
        new AllocationCycle(snapshot, now).Run();

    /// <summary>
    /// Why <paramref name="agentId"/> was or wasn't offered to <paramref name="frameworkId"/> in the
    /// cycle <see cref="Decide"/> would run on this snapshot: one typed reason per role not offered.
    /// Uses the same checks as the decision, so the explanation can't drift from it.
    /// </summary>
    public static OfferExplanation Explain(AllocationSnapshot snapshot, DateTimeOffset now, string agentId, string frameworkId)
    {
        var agent = snapshot.Agents.FirstOrDefault(a => a.Id == agentId);
        var framework = snapshot.Frameworks.FirstOrDefault(f => f.Id == frameworkId);
        if (framework is null)
            return new(agentId, frameworkId, [], [new UnknownFramework("*")]);
        if (agent is null)
            return new(agentId, frameworkId, [], [.. framework.Roles.Select(r => (NotOfferedReason)new UnknownAgent(r))]);
        var plan = Decide(snapshot, now);
        var offered = plan.Offers.Where(o => o.AgentId == agentId && o.FrameworkId == frameworkId).Select(o => o.Role).ToImmutableArray();
        var reasons = framework.Roles.Where(r => !offered.Contains(r)).Select(r => WhyNot(snapshot, now, agent, framework, r, plan));
        return new(agentId, frameworkId, offered, [.. reasons]);
    }

    private static NotOfferedReason WhyNot(AllocationSnapshot snapshot, DateTimeOffset now, AllocatorAgent agent,
        AllocatorFramework framework, string role, AllocationPlan plan)
    {
        var code = Eligibility.Check(framework, role, agent, snapshot.Options);
        if (code != Ineligible.None) return Eligibility.ToReason(code, role, agent);
        var forRole = agent.Available.AllocatableTo(role);
        if (forRole.IsEmpty) return new NothingAllocatable(role, agent.Available.Quantities);
        var min = snapshot.Options.MinAllocatable;
        var fitted = new QuotaBook(snapshot).Fit(role, forRole, guaranteeStage: false, out var quotaReason);
        if (quotaReason is not null && !min.IsSatisfiedBy(fitted.Quantities)) return quotaReason;
        var candidate = CapabilityFilter.For(framework, fitted);
        if (!min.IsSatisfiedBy(candidate.Quantities)) return new BelowMinAllocatable(role, candidate.Quantities, min);
        if (agent.Filters.TryGetValue(new FilterKey(framework.Id, role), out var filter) && filter.Filters(candidate.Quantities, now))
            return new OfferFiltered(role, filter.Expires, filter.Refused);
        var others = plan.Offers.Where(o => o.AgentId == agent.Id && o.FrameworkId != framework.Id).Select(o => o.FrameworkId).Distinct().ToList();
        return new OfferedToOthers(role, others);
    }
}
