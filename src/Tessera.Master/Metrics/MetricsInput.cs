using Tessera.Core.Protocol;
using Tessera.Master.Operator;
using Tessera.Master.Snapshots;

namespace Tessera.Master.Metrics;

/// <summary>What the metrics are computed from: a snapshot, whether we lead, and its aggregates computed once.</summary>
internal sealed class MetricsInput
{
    public MetricsInput(MasterSnapshot snapshot, bool elected, DateTimeOffset now)
    {
        Snapshot = snapshot;
        Elected = elected;
        Now = now;
        var agents = snapshot.State.GetAgents?.Agents ?? [];
        Total = WireResources.Scalars(agents.SelectMany(a => a.TotalResources ?? []));
        Used = WireResources.Scalars(agents.SelectMany(a => a.AllocatedResources ?? []));
        Offered = WireResources.Scalars(agents.SelectMany(a => a.OfferedResources ?? []));
        AgentsActive = agents.Count(a => a.Active && a.Deactivated != true);
        AgentsInactive = agents.Count(a => a.Deactivated == true);
        AgentsConnected = agents.Count;
        var frameworks = snapshot.State.GetFrameworks?.Frameworks ?? [];
        FrameworksActive = frameworks.Count(f => f.Active);
        FrameworksInactive = frameworks.Count(f => !f.Active);
        FrameworksConnected = frameworks.Count(f => f.Connected);
        FrameworksDisconnected = frameworks.Count(f => !f.Connected);
        var tasks = snapshot.State.GetTasks;
        foreach (var task in (tasks?.Tasks ?? []).Concat(tasks?.UnreachableTasks ?? []))
            LiveTasks[task.State] = LiveTasks.GetValueOrDefault(task.State) + 1;
    }

    public MasterSnapshot Snapshot { get; }
    public bool Elected { get; }
    public DateTimeOffset Now { get; }
    public MasterCounters Counters => Snapshot.Counters;
    public SortedDictionary<string, double> Total { get; }
    public SortedDictionary<string, double> Used { get; }
    public SortedDictionary<string, double> Offered { get; }
    public int AgentsActive { get; }
    public int AgentsInactive { get; }
    public int AgentsConnected { get; }
    public int FrameworksActive { get; }
    public int FrameworksInactive { get; }
    public int FrameworksConnected { get; }
    public int FrameworksDisconnected { get; }

    /// <summary>Tasks the master tracks, by current state (non-terminal and not yet acknowledged terminal ones).</summary>
    public Dictionary<TaskState, int> LiveTasks { get; } = [];

    public double Terminal(TaskState state) => Counters.TerminalTasks.GetValueOrDefault(state);
}
