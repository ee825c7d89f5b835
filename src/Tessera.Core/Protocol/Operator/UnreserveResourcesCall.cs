namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.UnreserveResources</c>.</summary>
public sealed record UnreserveResourcesCall
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }

    /// <summary>Reserved resources to release.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }
}
