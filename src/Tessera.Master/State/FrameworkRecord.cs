using Tessera.Core.Allocation;
using Tessera.Core.Protocol;
using Tessera.Master.Events;

namespace Tessera.Master.State;

/// <summary>A framework the master knows: its info, connection, tasks and outstanding offers. Touched only by the master loop.</summary>
internal sealed class FrameworkRecord(string id, FrameworkInfo info, DateTimeOffset registeredAt)
{
    public string Id { get; } = id;
    public FrameworkInfo Info { get; set; } = info;
    public DateTimeOffset RegisteredAt { get; } = registeredAt;
    public DateTimeOffset? ReregisteredAt { get; set; }
    public DateTimeOffset? UnregisteredAt { get; set; }

    /// <summary>The open SUBSCRIBE stream, or null while disconnected (failover pending).</summary>
    public EventChannel? Connection { get; set; }

    public string? StreamId { get; set; }

    /// <summary>When a disconnected framework is torn down unless it re-subscribes.</summary>
    public DateTimeOffset? FailoverDeadline { get; set; }

    public bool Active { get; set; } = true;

    public Dictionary<string, TaskRecord> Tasks { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Offers { get; } = new(StringComparer.Ordinal);

    public LinkedList<TaskRecord> CompletedTasks { get; } = new();

    public bool Connected => Connection is not null;

    public IReadOnlyList<string> Roles => FrameworkRoles.Of(Info);

    public bool PartitionAware => Info.HasCapability(FrameworkCapabilityType.PARTITION_AWARE);

    public AllocatorCapabilities AllocatorCapabilities => FrameworkRoles.Capabilities(Info);

    public TimeSpan FailoverTimeout =>
        Info.FailoverTimeout is { } s && s > 0 && double.IsFinite(s) ? TimeSpan.FromSeconds(Math.Min(s, TimeSpan.MaxValue.TotalSeconds / 4)) : TimeSpan.Zero;
}
