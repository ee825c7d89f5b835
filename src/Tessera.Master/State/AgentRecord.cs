using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Tessera.Master.Events;

namespace Tessera.Master.State;

internal enum AgentStatus
{
    Registered,
    Unreachable,
}

/// <summary>An agent the master knows: its info, total resources, command stream and liveness. Touched only by the master loop.</summary>
internal sealed class AgentRecord(string id, AgentInfo info, ResourceSet total, DateTimeOffset registeredAt)
{
    public string Id { get; } = id;
    public AgentInfo Info { get; set; } = info;
    public ResourceSet Total { get; set; } = total;
    public DateTimeOffset RegisteredAt { get; } = registeredAt;
    public DateTimeOffset? ReregisteredAt { get; set; }
    public AgentStatus Status { get; set; } = AgentStatus.Registered;
    public DateTimeOffset? UnreachableSince { get; set; }

    /// <summary>Master → agent commands; null until the agent opens its stream.</summary>
    public EventChannel? Connection { get; set; }

    /// <summary>
    /// Commands made while no stream is open (between registering and opening the stream, or while
    /// it reconnects), sent as soon as it opens. Bounded; pings are never kept.
    /// </summary>
    public Queue<byte[]> PendingCommands { get; } = new();

    public long PingSequence { get; set; }
    public long? AwaitingPong { get; set; }
    public int MissedPings { get; set; }

    public bool Deactivated { get; set; }
    public DrainState? Drain { get; set; }

    /// <summary>Tasks on this agent by framework id, then task id.</summary>
    public Dictionary<string, Dictionary<string, TaskRecord>> Tasks { get; } = new(StringComparer.Ordinal);

    /// <summary>Executors running on this agent by framework id, with the resources they hold.</summary>
    public Dictionary<string, Dictionary<string, ExecutorRecord>> Executors { get; } = new(StringComparer.Ordinal);

    public string Hostname => Info.Hostname;

    public bool Active => Status == AgentStatus.Registered && !Deactivated && Drain is null;

    public int TaskCount => Tasks.Values.Sum(t => t.Count);
}

/// <summary>DRAIN_AGENT in progress: tasks are being killed; the agent is gone afterwards when <see cref="MarkGone"/>.</summary>
internal sealed record DrainState(TimeSpan? MaxGracePeriod, bool MarkGone, DateTimeOffset Since)
{
    public bool Drained { get; set; }
}

/// <summary>An executor on an agent and the resources it holds apart from its tasks.</summary>
internal sealed record ExecutorRecord(string FrameworkId, ExecutorInfo Info, string Role, ResourceSet Resources);
