namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.DeclineInverseOffers</c>.</summary>
public sealed record DeclineInverseOffersCall
{
    /// <summary>The inverse offers.</summary>
    public IReadOnlyList<OfferID>? InverseOfferIds { get; init; }

    /// <summary>Filters.</summary>
    public Filters? Filters { get; init; }
}
