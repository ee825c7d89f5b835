namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.Rescind</c>.</summary>
public sealed record RescindEvent
{
    /// <summary>The withdrawn offer.</summary>
    public required OfferID OfferId { get; init; }
}
