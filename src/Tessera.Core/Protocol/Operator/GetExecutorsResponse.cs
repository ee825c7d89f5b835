namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetExecutors</c>.</summary>
public sealed record GetExecutorsResponse
{
    /// <summary>Executors.</summary>
    public IReadOnlyList<ExecutorEntry>? Executors { get; init; }

    /// <summary>Deprecated.</summary>
    public IReadOnlyList<ExecutorEntry>? OrphanExecutors { get; init; }
}
