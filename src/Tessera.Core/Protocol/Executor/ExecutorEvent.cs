namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Event</c>: one record of the executor's SUBSCRIBE stream.</summary>
public sealed record ExecutorEvent
{
    /// <summary>The event.</summary>
    public ExecutorEventType? Type { get; init; }

    /// <summary>For SUBSCRIBED.</summary>
    public ExecutorSubscribedEvent? Subscribed { get; init; }

    /// <summary>For ACKNOWLEDGED.</summary>
    public ExecutorAcknowledgedEvent? Acknowledged { get; init; }

    /// <summary>For LAUNCH.</summary>
    public ExecutorLaunchEvent? Launch { get; init; }

    /// <summary>For LAUNCH_GROUP.</summary>
    public ExecutorLaunchGroupEvent? LaunchGroup { get; init; }

    /// <summary>For KILL.</summary>
    public ExecutorKillEvent? Kill { get; init; }

    /// <summary>For MESSAGE.</summary>
    public ExecutorMessageEvent? Message { get; init; }

    /// <summary>For ERROR.</summary>
    public ExecutorErrorEvent? Error { get; init; }
}
