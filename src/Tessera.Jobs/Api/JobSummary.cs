using System.Collections.Immutable;

namespace Tessera.Jobs.Api;

/// <summary>One line of <c>GET /api/jobs</c>: the job, its instance count, and how many of its active tasks are in each state.</summary>
public sealed record JobSummary(string Key, string Cluster, string Role, string Environment, string Name, int Instances,
    ImmutableSortedDictionary<string, int> States);
