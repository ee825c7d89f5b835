namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Kill</c>.</summary>
public sealed record KillCall
{
    /// <summary>The task.</summary>
    public required TaskID TaskId { get; init; }

    /// <summary>Its agent.</summary>
    public AgentID? AgentId { get; init; }

    /// <summary>Overrides the task's kill policy.</summary>
    public KillPolicy? KillPolicy { get; init; }
}
