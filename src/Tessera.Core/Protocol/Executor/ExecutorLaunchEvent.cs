namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Event.Launch</c>.</summary>
public sealed record ExecutorLaunchEvent
{
    /// <summary>The task.</summary>
    public required TaskInfo Task { get; init; }
}
