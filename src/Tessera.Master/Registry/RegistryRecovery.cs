using Tessera.Core.Allocation;
using Tessera.Core.Resources;
using Tessera.Master.State;
using Tessera.State.Registry;

namespace Tessera.Master.Registry;

/// <summary>
/// What a restarted master takes back from the registry before it serves: gone agents stay gone,
/// quota and weights are in force again. Admitted agents and frameworks come back by re-registering
/// and re-subscribing, as in Mesos, which keeps no tasks in its registry; those that don't come back
/// within <c>agent_reregister_timeout</c> are marked unreachable.
/// </summary>
internal static class RegistryRecovery
{
    public static void Apply(MasterState state, RegistrySnapshot registry)
    {
        foreach (var agent in registry.Agents.Values)
        {
            if (agent.State == AgentRegistryState.Gone) state.GoneAgents.Add(agent.Id);
            else if (agent.State == AgentRegistryState.Admitted) state.RecoveredAgents[agent.Id] = agent.AgentInfoJson;
        }
        foreach (var (role, weight) in registry.Weights)
            state.Allocator.SetWeight(role, weight);
        foreach (var quota in registry.Quotas.Values)
            state.Allocator.SetQuota(quota.Role, new RoleQuota(
                ResourceQuantities.Of([.. quota.Guarantees.Select(g => (g.Key, g.Value))]),
                ResourceLimits.Of([.. quota.Limits.Select(l => (l.Key, l.Value))])));
        if (registry.MaintenanceJson is { } maintenance) state.Maintenance.Restore(maintenance);
    }
}
