namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Reconcile.Task</c>.</summary>
public sealed record ReconcileTask
{
    /// <summary>The task.</summary>
    public required TaskID TaskId { get; init; }

    /// <summary>Its agent, when known.</summary>
    public AgentID? AgentId { get; init; }
}
