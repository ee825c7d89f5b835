namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.DeactivateAgent</c>.</summary>
public sealed record DeactivateAgentCall
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }
}
