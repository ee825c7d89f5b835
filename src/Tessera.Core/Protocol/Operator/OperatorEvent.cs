namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Event</c>: one record of the operator SUBSCRIBE stream.</summary>
public sealed record OperatorEvent
{
    /// <summary>The event.</summary>
    public OperatorEventType? Type { get; init; }

    /// <summary>For SUBSCRIBED.</summary>
    public OperatorSubscribedEvent? Subscribed { get; init; }

    /// <summary>For TASK_ADDED.</summary>
    public TaskAddedEvent? TaskAdded { get; init; }

    /// <summary>For TASK_UPDATED.</summary>
    public TaskUpdatedEvent? TaskUpdated { get; init; }

    /// <summary>For FRAMEWORK_ADDED.</summary>
    public FrameworkAddedEvent? FrameworkAdded { get; init; }

    /// <summary>For FRAMEWORK_UPDATED.</summary>
    public FrameworkUpdatedEvent? FrameworkUpdated { get; init; }

    /// <summary>For FRAMEWORK_REMOVED.</summary>
    public FrameworkRemovedEvent? FrameworkRemoved { get; init; }

    /// <summary>For AGENT_ADDED.</summary>
    public AgentAddedEvent? AgentAdded { get; init; }

    /// <summary>For AGENT_REMOVED.</summary>
    public AgentRemovedEvent? AgentRemoved { get; init; }
}
