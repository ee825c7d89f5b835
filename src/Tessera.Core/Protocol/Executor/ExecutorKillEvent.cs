namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Event.Kill</c>.</summary>
public sealed record ExecutorKillEvent
{
    /// <summary>The task.</summary>
    public required TaskID TaskId { get; init; }

    /// <summary>Overrides the task's kill policy.</summary>
    public KillPolicy? KillPolicy { get; init; }
}
