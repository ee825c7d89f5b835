namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.DestroyVolumes</c>.</summary>
public sealed record DestroyVolumesCall
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }

    /// <summary>The volumes.</summary>
    public IReadOnlyList<Resource>? Volumes { get; init; }
}
