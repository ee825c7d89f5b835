namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Event.AgentRemoved</c>.</summary>
public sealed record AgentRemovedEvent
{
    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }
}
