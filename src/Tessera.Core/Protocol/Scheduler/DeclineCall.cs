namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Decline</c>.</summary>
public sealed record DeclineCall
{
    /// <summary>Offers to decline.</summary>
    public IReadOnlyList<OfferID>? OfferIds { get; init; }

    /// <summary>How long to refuse them.</summary>
    public Filters? Filters { get; init; }
}
