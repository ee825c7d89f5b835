namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response.GetTasks</c>.</summary>
public sealed record AgentGetTasksResponse
{
    /// <summary>Tasks whose executor has not registered yet.</summary>
    public IReadOnlyList<MesosTask>? PendingTasks { get; init; }

    /// <summary>Tasks queued at a registered executor.</summary>
    public IReadOnlyList<MesosTask>? QueuedTasks { get; init; }

    /// <summary>Tasks given to their executor and not terminal.</summary>
    public IReadOnlyList<MesosTask>? LaunchedTasks { get; init; }

    /// <summary>Terminal tasks whose last update is not acknowledged yet.</summary>
    public IReadOnlyList<MesosTask>? TerminatedTasks { get; init; }

    /// <summary>Terminal tasks of completed executors.</summary>
    public IReadOnlyList<MesosTask>? CompletedTasks { get; init; }
}
