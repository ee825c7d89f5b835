namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.InverseOffers</c>.</summary>
public sealed record InverseOffersEvent
{
    /// <summary>The inverse offers.</summary>
    public IReadOnlyList<InverseOffer>? InverseOffers { get; init; }
}
