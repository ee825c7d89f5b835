namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Event.Subscribed</c>.</summary>
public sealed record OperatorSubscribedEvent
{
    /// <summary>The full state.</summary>
    public required GetStateResponse GetState { get; init; }

    /// <summary>Seconds between HEARTBEAT events.</summary>
    public double? HeartbeatIntervalSeconds { get; init; }
}
