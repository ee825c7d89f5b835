namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.RescindInverseOffer</c>.</summary>
public sealed record RescindInverseOfferEvent
{
    /// <summary>The withdrawn inverse offer.</summary>
    public required OfferID InverseOfferId { get; init; }
}
