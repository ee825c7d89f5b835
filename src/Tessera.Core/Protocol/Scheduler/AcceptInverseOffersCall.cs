namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.AcceptInverseOffers</c>.</summary>
public sealed record AcceptInverseOffersCall
{
    /// <summary>The inverse offers.</summary>
    public IReadOnlyList<OfferID>? InverseOfferIds { get; init; }

    /// <summary>Filters.</summary>
    public Filters? Filters { get; init; }
}
