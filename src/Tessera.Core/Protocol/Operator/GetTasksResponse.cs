namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetTasks</c>.</summary>
public sealed record GetTasksResponse
{
    /// <summary>Tasks not yet sent to agents.</summary>
    public IReadOnlyList<MesosTask>? PendingTasks { get; init; }

    /// <summary>Known tasks.</summary>
    public IReadOnlyList<MesosTask>? Tasks { get; init; }

    /// <summary>Tasks on unreachable agents.</summary>
    public IReadOnlyList<MesosTask>? UnreachableTasks { get; init; }

    /// <summary>Terminal tasks.</summary>
    public IReadOnlyList<MesosTask>? CompletedTasks { get; init; }

    /// <summary>Deprecated.</summary>
    public IReadOnlyList<MesosTask>? OrphanTasks { get; init; }
}
