namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Acknowledge</c>.</summary>
public sealed record AcknowledgeCall
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }

    /// <summary>The task.</summary>
    public required TaskID TaskId { get; init; }

    /// <summary>The uuid of the update.</summary>
    public required ByteString Uuid { get; init; }
}
