using Tessera.Core.Allocation;
using Tessera.Core.Resources;
using Tessera.Master.State;
using Tessera.State.Registry;

namespace Tessera.Master.Registry;

/// <summary>
/// What a restarted master takes back from the registry before it serves: gone agents stay gone,
/// quota and weights are in force again. Admitted agents and frameworks come back by re-registering
/// and re-subscribing, as in Mesos, which keeps no tasks in its registry.
/// </summary>
internal static class RegistryRecovery
{
    public static void Apply(MasterState state, RegistrySnapshot registry)
    {
        foreach (var agent in registry.Agents.Values.Where(a => a.State == AgentRegistryState.Gone))
            state.GoneAgents.Add(agent.Id);
        foreach (var (role, weight) in registry.Weights)
            state.Allocator.SetWeight(role, weight);
        foreach (var quota in registry.Quotas.Values)
            state.Allocator.SetQuota(quota.Role, new RoleQuota(
                ResourceQuantities.Of([.. quota.Guarantees.Select(g => (g.Key, g.Value))]),
                ResourceLimits.Of([.. quota.Limits.Select(l => (l.Key, l.Value))])));
    }
}
