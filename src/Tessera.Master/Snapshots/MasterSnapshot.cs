using System.Collections.Immutable;
using Tessera.Core.Allocation;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;
using Tessera.Master.Metrics;

namespace Tessera.Master.Snapshots;

/// <summary>
/// An immutable picture of the master for readers (Operator API, state endpoints, metrics, UI):
/// built by the loop, read by anyone without stalling it. Shapes are the wire types, ready to serve.
/// </summary>
internal sealed record MasterSnapshot
{
    public required MasterInfo MasterInfo { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset TakenAt { get; init; }
    public required GetStateResponse State { get; init; }
    public required ImmutableDictionary<string, double> Weights { get; init; }
    public required ImmutableDictionary<string, Tessera.Core.Allocation.RoleQuota> Quotas { get; init; }
    public required MasterCounters Counters { get; init; }
    public required int OutstandingOffers { get; init; }
    public required int ConnectedFrameworks { get; init; }
    public required int UnreachableAgents { get; init; }
    public required ImmutableArray<string> GoneAgents { get; init; }
    public MaintenanceSchedule MaintenanceSchedule { get; init; } = new() { Windows = [] };
    public MaintenanceStatus MaintenanceStatus { get; init; } = new();
}
