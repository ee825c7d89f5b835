using Tessera.Master.Loop;
using Tessera.Master.State;

namespace Tessera.Master.Snapshots;

/// <summary>
/// Keeps a current <see cref="MasterSnapshot"/> for readers. The loop marks changes; at the end of a
/// batch the snapshot is rebuilt if it is dirty and the last one is older than the refresh period,
/// so a burst of updates costs one rebuild. A reader that must see its own write asks for
/// <see cref="Fresh"/> through the loop.
/// </summary>
internal sealed class SnapshotPublisher(MasterRuntime rt)
{
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(100);
    private volatile MasterSnapshot? _current;
    private bool _dirty = true;
    private DateTimeOffset _lastBuilt = DateTimeOffset.MinValue;
    private volatile Metrics.MasterCounters? _counters;
    private DateTimeOffset _countersAt = DateTimeOffset.MinValue;

    public MasterSnapshot? Current => _current;

    /// <summary>
    /// The counters as of the latest batch (copied at most every refresh period): counters move on
    /// every allocation cycle without marking the state dirty, and metrics must not lag behind.
    /// </summary>
    public Metrics.MasterCounters? Counters => _counters;

    public void MarkDirty() => _dirty = true;

    public void PublishIfDirty()
    {
        if (_dirty && rt.Now - _lastBuilt >= RefreshPeriod) Build();
        if (rt.Now - _countersAt >= RefreshPeriod)
        {
            _counters = rt.State.Counters.Copy();
            _countersAt = rt.Now;
        }
    }

    /// <summary>On the loop: the snapshot with every change so far.</summary>
    public MasterSnapshot Fresh() => _dirty || _current is null ? Build() : _current;

    private MasterSnapshot Build()
    {
        var state = rt.State;
        var snapshot = new MasterSnapshot
        {
            MasterInfo = rt.Identity.Info,
            StartedAt = state.StartedAt,
            TakenAt = rt.Now,
            State = SnapshotBuilder.State(state),
            // Not Allocator.Snapshot(): that copies every agent and advances the allocation cycle.
            Weights = state.Allocator.Weights,
            Quotas = state.Allocator.Quotas,
            Counters = state.Counters.Copy(),
            OutstandingOffers = state.Offers.Count,
            ConnectedFrameworks = state.Frameworks.Values.Count(f => f.Connected),
            UnreachableAgents = state.Agents.Values.Count(a => a.Status == AgentStatus.Unreachable),
            GoneAgents = [.. state.GoneAgents],
            MaintenanceSchedule = state.Maintenance.Schedule,
            MaintenanceStatus = new Core.Protocol.MaintenanceStatus
            {
                DrainingMachines = [.. state.Maintenance.Draining.Select(m => new Core.Protocol.DrainingMachine { Id = m })],
                DownMachines = [.. state.Maintenance.Down],
            },
        };
        _current = snapshot;
        _counters = snapshot.Counters;
        _countersAt = rt.Now;
        _dirty = false;
        _lastBuilt = rt.Now;
        return snapshot;
    }
}
