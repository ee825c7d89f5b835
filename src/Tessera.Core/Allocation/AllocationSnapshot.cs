using System.Collections.Immutable;
using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>Everything one allocation cycle decides from. Immutable; built by <see cref="AllocatorState.Snapshot"/>.</summary>
public sealed record AllocationSnapshot(
    ImmutableArray<AllocatorAgent> Agents,
    ImmutableArray<AllocatorFramework> Frameworks,
    ImmutableDictionary<string, double> Weights,
    ImmutableDictionary<string, RoleQuota> Quotas,
    AllocatorOptions Options,
    long Cycle)
{
    public double WeightOf(string role) => Weights.GetValueOrDefault(role, 1.0);

    public RoleQuota QuotaOf(string role) => Quotas.GetValueOrDefault(role) ?? RoleQuota.None;

    /// <summary>Sum of every agent's total, by name.</summary>
    public ResourceQuantities TotalQuantities()
    {
        var total = ResourceQuantities.Empty;
        foreach (var agent in Agents)
            total += agent.Total.Quantities;
        return total;
    }
}
