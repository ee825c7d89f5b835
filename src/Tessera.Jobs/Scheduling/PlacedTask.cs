using System.Collections.Immutable;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// A task already on an agent (ASSIGNED through PARTITIONED), with the agent's hostname and
/// attributes, for the limit constraints (including the default one per host).
/// </summary>
public sealed record PlacedTask(JobKey Job, string AgentId, string Hostname, ImmutableSortedDictionary<string, string> Attributes)
{
    /// <summary>The value of <paramref name="attribute"/> where it runs, or null; <c>host</c> is the hostname.</summary>
    public string? Attribute(string attribute) => PlacementAttributes.Value(attribute, Hostname, Attributes);
}
