namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetFrameworks.Framework</c>.</summary>
public sealed record FrameworkEntry
{
    /// <summary>The framework.</summary>
    public required FrameworkInfo FrameworkInfo { get; init; }

    /// <summary>Not deactivated.</summary>
    public required bool Active { get; init; }

    /// <summary>Has a live subscription.</summary>
    public required bool Connected { get; init; }

    /// <summary>Known only from agents after failover.</summary>
    public required bool Recovered { get; init; }

    /// <summary>First subscription.</summary>
    public TimeInfo? RegisteredTime { get; init; }

    /// <summary>Latest resubscription.</summary>
    public TimeInfo? ReregisteredTime { get; init; }

    /// <summary>When it was removed.</summary>
    public TimeInfo? UnregisteredTime { get; init; }

    /// <summary>Outstanding offers.</summary>
    public IReadOnlyList<Offer>? Offers { get; init; }

    /// <summary>Outstanding inverse offers.</summary>
    public IReadOnlyList<InverseOffer>? InverseOffers { get; init; }

    /// <summary>Allocated resources.</summary>
    public IReadOnlyList<Resource>? AllocatedResources { get; init; }

    /// <summary>Offered resources.</summary>
    public IReadOnlyList<Resource>? OfferedResources { get; init; }
}
