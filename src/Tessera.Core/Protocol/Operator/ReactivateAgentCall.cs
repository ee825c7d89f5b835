namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.ReactivateAgent</c>.</summary>
public sealed record ReactivateAgentCall
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }
}
