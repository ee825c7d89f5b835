using Tessera.Core.Allocation;
using Tessera.Master.Hosting;

namespace Tessera.Master.State;

/// <summary>
/// All mutable cluster state of the master. Owned by the master loop alone: nothing else reads or
/// writes it (readers get <see cref="Snapshots.MasterSnapshot"/>s), which is why it has no locks.
/// The behaviour lives in the components that take it as a parameter, one per concern.
/// </summary>
internal sealed class MasterState(MasterOptions options, TimeProvider clock, IdSource ids)
{
    public MasterOptions Options { get; } = options;
    public TimeProvider Clock { get; } = clock;
    public IdSource Ids { get; } = ids;
    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();
    public DateTimeOffset Now => Clock.GetUtcNow();

    public Dictionary<string, FrameworkRecord> Frameworks { get; } = new(StringComparer.Ordinal);
    public LinkedList<FrameworkRecord> CompletedFrameworks { get; } = new();
    public Dictionary<string, AgentRecord> Agents { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, OfferRecord> Offers { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Agents the registry had admitted before this master started and that have not re-registered
    /// yet, with their info JSON; after <c>agent_reregister_timeout</c> they are marked unreachable.
    /// </summary>
    public Dictionary<string, string> RecoveredAgents { get; } = new(StringComparer.Ordinal);

    /// <summary>Agents marked gone: their ids may never register again.</summary>
    public HashSet<string> GoneAgents { get; } = new(StringComparer.Ordinal);

    public AllocatorState Allocator { get; } = new(options.Allocator);

    public Metrics.MasterCounters Counters { get; } = new();

    public Operator.MaintenanceBook Maintenance { get; } = new();

    public FrameworkRecord? Framework(string? id) => id is not null && Frameworks.TryGetValue(id, out var f) ? f : null;

    public AgentRecord? Agent(string? id) => id is not null && Agents.TryGetValue(id, out var a) ? a : null;
}
