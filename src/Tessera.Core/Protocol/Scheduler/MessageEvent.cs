namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.Message</c>.</summary>
public sealed record MessageEvent
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }

    /// <summary>The executor.</summary>
    public required ExecutorID ExecutorId { get; init; }

    /// <summary>The payload.</summary>
    public required ByteString Data { get; init; }
}
