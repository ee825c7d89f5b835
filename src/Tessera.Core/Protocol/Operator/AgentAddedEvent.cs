namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Event.AgentAdded</c>.</summary>
public sealed record AgentAddedEvent
{
    /// <summary>The agent.</summary>
    public required AgentEntry Agent { get; init; }
}
