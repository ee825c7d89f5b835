namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.ReconcileOperations.Operation</c>.</summary>
public sealed record ReconcileOperation
{
    /// <summary>The operation.</summary>
    public required OperationID OperationId { get; init; }

    /// <summary>Its agent.</summary>
    public AgentID? AgentId { get; init; }

    /// <summary>Its resource provider.</summary>
    public ResourceProviderID? ResourceProviderId { get; init; }
}
