namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.Subscribed</c>.</summary>
public sealed record SubscribedEvent
{
    /// <summary>The framework's ID.</summary>
    public required FrameworkID FrameworkId { get; init; }

    /// <summary>Seconds between HEARTBEAT events.</summary>
    public double? HeartbeatIntervalSeconds { get; init; }

    /// <summary>The leading master.</summary>
    public MasterInfo? MasterInfo { get; init; }
}
