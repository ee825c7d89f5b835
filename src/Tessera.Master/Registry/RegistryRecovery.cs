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
    /// <summary>
    /// Takes the registry back; returns what it had to leave out. A registry written by an earlier
    /// version may hold what today's rules refuse (a quota for a role name we no longer accept, an
    /// amount over the maximum): such an entry is skipped, and said, rather than keep the master down.
    /// </summary>
    public static IReadOnlyList<string> Apply(MasterState state, RegistrySnapshot registry)
    {
        var skipped = new List<string>();
        foreach (var agent in registry.Agents.Values)
        {
            if (agent.State == AgentRegistryState.Gone) state.GoneAgents.Add(agent.Id);
            else if (agent.State == AgentRegistryState.Admitted) state.RecoveredAgents[agent.Id] = agent.AgentInfoJson;
        }
        foreach (var (role, weight) in registry.Weights)
            Try(skipped, $"weight of role '{role}'", () => state.Allocator.SetWeight(role, weight));
        foreach (var quota in registry.Quotas.Values)
            Try(skipped, $"quota of role '{quota.Role}'", () => state.Allocator.SetQuota(quota.Role, new RoleQuota(
                ResourceQuantities.Of([.. quota.Guarantees.Select(g => (g.Key, g.Value))]),
                ResourceLimits.Of([.. quota.Limits.Select(l => (l.Key, l.Value))]))));
        if (registry.MaintenanceJson is { } maintenance) state.Maintenance.Restore(maintenance);
        return skipped;
    }

    private static void Try(List<string> skipped, string what, Action apply)
    {
        try
        {
            apply();
        }
        catch (Exception e) when (e is ArgumentException or ResourceInvariantException)
        {
            skipped.Add($"{what}: {e.Message}");
        }
    }
}
