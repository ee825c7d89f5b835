namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Accept</c>.</summary>
public sealed record AcceptCall
{
    /// <summary>Offers to use (all on one agent).</summary>
    public IReadOnlyList<OfferID>? OfferIds { get; init; }

    /// <summary>What to do with them.</summary>
    public IReadOnlyList<OfferOperation>? Operations { get; init; }

    /// <summary>Filters for the unused resources.</summary>
    public Filters? Filters { get; init; }
}
