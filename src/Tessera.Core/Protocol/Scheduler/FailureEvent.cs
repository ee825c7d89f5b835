namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event.Failure</c>: an agent was lost, or an executor exited (with its status).</summary>
public sealed record FailureEvent
{
    /// <summary>The agent.</summary>
    public AgentID? AgentId { get; init; }

    /// <summary>The executor.</summary>
    public ExecutorID? ExecutorId { get; init; }

    /// <summary>The executor's exit status.</summary>
    public int? Status { get; init; }
}
