namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>OperationStatus</c>: a status update of an offer operation.</summary>
public sealed record OperationStatus
{
    /// <summary>The operation.</summary>
    public OperationID? OperationId { get; init; }

    /// <summary>The state.</summary>
    public required OperationState State { get; init; }

    /// <summary>Detail.</summary>
    public string? Message { get; init; }

    /// <summary>Resources produced by the operation.</summary>
    public IReadOnlyList<Resource>? ConvertedResources { get; init; }

    /// <summary>Set on updates that must be acknowledged.</summary>
    public UUID? Uuid { get; init; }

    /// <summary>The agent.</summary>
    public AgentID? AgentId { get; init; }

    /// <summary>The resource provider.</summary>
    public ResourceProviderID? ResourceProviderId { get; init; }
}
