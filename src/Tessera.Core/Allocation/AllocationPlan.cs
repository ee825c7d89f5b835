using System.Collections.Immutable;

namespace Tessera.Core.Allocation;

/// <summary>The outcome of one cycle: the offers to make. The host applies it; the decision has no side effects.</summary>
public sealed record AllocationPlan(long Cycle, DateTimeOffset At, ImmutableArray<PlannedOffer> Offers)
{
    public static AllocationPlan Empty(long cycle, DateTimeOffset at) => new(cycle, at, ImmutableArray<PlannedOffer>.Empty);
}
