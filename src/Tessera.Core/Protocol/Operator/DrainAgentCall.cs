namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.DrainAgent</c>.</summary>
public sealed record DrainAgentCall
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }

    /// <summary>The longest kill grace period allowed.</summary>
    public DurationInfo? MaxGracePeriod { get; init; }

    /// <summary>Mark the agent gone when drained.</summary>
    public bool? MarkGone { get; init; }
}
