namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.Offers</c>.</summary>
public sealed record OffersEvent
{
    /// <summary>The offers.</summary>
    public IReadOnlyList<Offer>? Offers { get; init; }

    /// <summary>Inverse offers (older Mesos sent them here; current Mesos uses INVERSE_OFFERS).</summary>
    public IReadOnlyList<InverseOffer>? InverseOffers { get; init; }
}
