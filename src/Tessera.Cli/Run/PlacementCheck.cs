using Tessera.Core.Protocol.Operator;
using Tessera.Core.Resources;

namespace Tessera.Cli.Run;

/// <summary>Whether an ask can be placed now, must wait for busy resources, or can never be placed.</summary>
internal enum PlacementVerdict
{
    Fits,
    Waits,
    Never,
}

/// <summary>The verdict and, unless it fits, why (with the amounts).</summary>
internal sealed record PlacementDecision(PlacementVerdict Verdict, string Reason)
{
    public static readonly PlacementDecision Fits = new(PlacementVerdict.Fits, "");
}

/// <summary>
/// Explains placement from the Operator API's GET_AGENTS: an ask larger than every active agent's
/// total (for the run's role) can never fit; an ask no agent has free now waits. Pure.
/// </summary>
internal static class PlacementCheck
{
    public static PlacementDecision Decide(ResourceAsk ask, IReadOnlyList<AgentEntry> agents)
    {
        var usable = agents.Where(a => a.Active && a.Deactivated != true).Select(a => Capacity.Of(a, ask.Role)).ToList();
        if (usable.Count == 0)
            return new(PlacementVerdict.Waits, "no active agent is registered");
        var kinds = ask.Kinds().ToList();
        if (!usable.Any(c => kinds.All(k => c.Total(k) >= ask.Amount(k))))
        {
            var tooBig = kinds.FirstOrDefault(k => usable.All(c => c.Total(k) < ask.Amount(k)));
            if (tooBig is not null)
            {
                var largest = usable.Max(c => c.Total(tooBig));
                return new(PlacementVerdict.Never, $"asks {ResourceAsk.Named(tooBig, ask.Amount(tooBig))}, the largest agent has {ResourceAsk.Format(tooBig, largest)} in total{RoleNote(ask)}");
            }
            return new(PlacementVerdict.Never, $"asks {Describe(ask, kinds)}, no single agent has all of that in total{RoleNote(ask)}");
        }
        if (usable.Any(c => kinds.All(k => c.Free(k) >= ask.Amount(k))))
            return PlacementDecision.Fits;
        var scarce = kinds.Where(k => usable.All(c => c.Free(k) < ask.Amount(k))).ToList();
        var agentsNote = usable.Count == 1 ? "1 agent" : $"{usable.Count} agents";
        if (scarce.Count == 0)
            return new(PlacementVerdict.Waits, $"asks {Describe(ask, kinds)}, no single agent has all of that free now ({agentsNote})");
        var parts = scarce.Select(k => $"{ResourceAsk.Named(k, ask.Amount(k))}, the most free on any agent is {ResourceAsk.Format(k, usable.Max(c => c.Free(k)))}");
        return new(PlacementVerdict.Waits, $"asks {string.Join("; ", parts)} ({agentsNote})");
    }

    private static string Describe(ResourceAsk ask, IEnumerable<string> kinds) =>
        string.Join(", ", kinds.Select(k => ResourceAsk.Named(k, ask.Amount(k))));

    private static string RoleNote(ResourceAsk ask) => ask.Role == RoleName.Default ? "" : $" for role {ask.Role}";

    /// <summary>One agent's amounts per kind for a role: total, and free (total minus allocated minus offered).</summary>
    private sealed record Capacity(ResourceSet TotalSet, ResourceSet Allocated, ResourceSet Offered)
    {
        public static Capacity Of(AgentEntry agent, string role) => new(
            ResourceWireForm.FromWire(agent.TotalResources ?? agent.AgentInfo.Resources ?? []).AllocatableTo(role),
            ResourceWireForm.FromWire(agent.AllocatedResources ?? []).AllocatableTo(role),
            ResourceWireForm.FromWire(agent.OfferedResources ?? []).AllocatableTo(role));

        public double Total(string kind) => Amount(TotalSet, kind);

        public double Free(string kind) => Math.Max(0, Amount(TotalSet, kind) - Amount(Allocated, kind) - Amount(Offered, kind));

        private static double Amount(ResourceSet set, string kind) =>
            kind == ResourceNames.Ports ? set.Ranges(kind).Count : set.Scalar(kind).Value;
    }
}
