using System.Collections.Immutable;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// One offer as placement sees it: the agent, its hostname and attributes (text values; the
/// attribute <c>host</c> is always the hostname), and the free resources including port ranges.
/// </summary>
public sealed record PlacementOffer(
    string OfferId,
    string AgentId,
    string Hostname,
    ImmutableSortedDictionary<string, string> Attributes,
    double Cpus,
    long RamMb,
    long DiskMb,
    double Gpus,
    ImmutableArray<PortRange> Ports)
{
    /// <summary>The value of <paramref name="attribute"/> on this agent, or null; <c>host</c> is the hostname.</summary>
    public string? Attribute(string attribute) => PlacementAttributes.Value(attribute, Hostname, Attributes);
}
