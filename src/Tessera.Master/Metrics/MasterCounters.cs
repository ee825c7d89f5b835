using Tessera.Core.Protocol;

namespace Tessera.Master.Metrics;

/// <summary>Monotonic counters the loop bumps; read through snapshots for <c>/metrics</c>.</summary>
internal sealed class MasterCounters
{
    public long FrameworksSubscribed;
    public long FrameworksRemoved;
    public long AgentsRegistered;
    public long AgentsReregistered;
    public long AgentsUnreachable;
    public long OffersMade;
    public long OffersDeclined;
    public long OffersAccepted;
    public long OffersRescinded;
    public long TasksLaunched;
    public long TasksError;
    public long TasksKillRequested;
    public long StatusUpdates;
    public long FrameworkMessages;
    public long AllocationRuns;
    public double LastAllocationRunMs;
    public Dictionary<TaskState, long> TerminalTasks { get; private set; } = [];

    public void CountTerminal(TaskState state) => TerminalTasks[state] = TerminalTasks.GetValueOrDefault(state) + 1;

    public MasterCounters Copy()
    {
        var copy = (MasterCounters)MemberwiseClone();
        // The copy is read off the loop: it must not share the live dictionary.
        copy.TerminalTasks = new Dictionary<TaskState, long>(TerminalTasks);
        return copy;
    }
}
