namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.MarkAgentGone</c>.</summary>
public sealed record MarkAgentGoneCall
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }
}
