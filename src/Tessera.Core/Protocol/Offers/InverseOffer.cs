namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>InverseOffer</c>: a request to give resources back for maintenance.</summary>
public sealed record InverseOffer
{
    /// <summary>The inverse offer ID.</summary>
    public required OfferID Id { get; init; }

    /// <summary>The agent's HTTP endpoint.</summary>
    public URL? Url { get; init; }

    /// <summary>The framework.</summary>
    public required FrameworkID FrameworkId { get; init; }

    /// <summary>The agent.</summary>
    public AgentID? AgentId { get; init; }

    /// <summary>When the resources become unavailable.</summary>
    public required Unavailability Unavailability { get; init; }

    /// <summary>The resources asked for (all, when absent).</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }
}
