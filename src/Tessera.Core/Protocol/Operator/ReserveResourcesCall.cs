namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.ReserveResources</c>.</summary>
public sealed record ReserveResourcesCall
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }

    /// <summary>Resources before the reservation.</summary>
    public IReadOnlyList<Resource>? Source { get; init; }

    /// <summary>Resources with the reservation.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }
}
