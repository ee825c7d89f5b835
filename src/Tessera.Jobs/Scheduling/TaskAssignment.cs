using System.Collections.Immutable;

namespace Tessera.Jobs.Scheduling;

/// <summary>A pending task placed on an offer, with the port numbers picked for its named ports.</summary>
public sealed record TaskAssignment(
    string TaskId, string OfferId, string AgentId, string Hostname, ImmutableSortedDictionary<string, int> Ports);
