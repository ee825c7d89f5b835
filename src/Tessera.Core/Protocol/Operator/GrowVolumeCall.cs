namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.GrowVolume</c>.</summary>
public sealed record GrowVolumeCall
{
    /// <summary>The agent.</summary>
    public AgentID? AgentId { get; init; }

    /// <summary>The volume.</summary>
    public required Resource Volume { get; init; }

    /// <summary>Disk to add.</summary>
    public required Resource Addition { get; init; }
}
