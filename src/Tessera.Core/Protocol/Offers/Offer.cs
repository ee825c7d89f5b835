namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Offer</c>: resources on one agent offered to one framework.</summary>
public sealed record Offer
{
    /// <summary>The offer ID.</summary>
    public required OfferID Id { get; init; }

    /// <summary>The framework.</summary>
    public required FrameworkID FrameworkId { get; init; }

    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }

    /// <summary>The agent's hostname.</summary>
    public required string Hostname { get; init; }

    /// <summary>The agent's HTTP endpoint.</summary>
    public URL? Url { get; init; }

    /// <summary>The agent's fault domain.</summary>
    public DomainInfo? Domain { get; init; }

    /// <summary>The resources.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }

    /// <summary>The agent's attributes.</summary>
    public IReadOnlyList<AgentAttribute>? Attributes { get; init; }

    /// <summary>The framework's executors running on the agent.</summary>
    public IReadOnlyList<ExecutorID>? ExecutorIds { get; init; }

    /// <summary>The role the offer is made to.</summary>
    public AllocationInfo? AllocationInfo { get; init; }

    /// <summary>Scheduled maintenance of the agent.</summary>
    public Unavailability? Unavailability { get; init; }
}
