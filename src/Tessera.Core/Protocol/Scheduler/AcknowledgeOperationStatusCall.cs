namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.AcknowledgeOperationStatus</c>.</summary>
public sealed record AcknowledgeOperationStatusCall
{
    /// <summary>The agent.</summary>
    public AgentID? AgentId { get; init; }

    /// <summary>The resource provider.</summary>
    public ResourceProviderID? ResourceProviderId { get; init; }

    /// <summary>The uuid of the update.</summary>
    public required ByteString Uuid { get; init; }

    /// <summary>The operation.</summary>
    public required OperationID OperationId { get; init; }
}
