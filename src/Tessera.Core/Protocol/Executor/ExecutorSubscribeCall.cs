namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Call.Subscribe</c>.</summary>
public sealed record ExecutorSubscribeCall
{
    /// <summary>Tasks launched but without an acknowledged update.</summary>
    public IReadOnlyList<TaskInfo>? UnacknowledgedTasks { get; init; }

    /// <summary>Updates not yet acknowledged.</summary>
    public IReadOnlyList<ExecutorUpdateCall>? UnacknowledgedUpdates { get; init; }
}
