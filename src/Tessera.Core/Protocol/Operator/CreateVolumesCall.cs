namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.CreateVolumes</c>.</summary>
public sealed record CreateVolumesCall
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }

    /// <summary>The volumes.</summary>
    public IReadOnlyList<Resource>? Volumes { get; init; }
}
