namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.ShrinkVolume</c>.</summary>
public sealed record ShrinkVolumeCall
{
    /// <summary>The agent.</summary>
    public AgentID? AgentId { get; init; }

    /// <summary>The volume.</summary>
    public required Resource Volume { get; init; }

    /// <summary>Amount to remove.</summary>
    public required ValueScalar Subtract { get; init; }
}
