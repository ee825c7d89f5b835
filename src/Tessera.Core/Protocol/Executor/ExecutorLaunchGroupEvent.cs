namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Event.LaunchGroup</c>.</summary>
public sealed record ExecutorLaunchGroupEvent
{
    /// <summary>The tasks.</summary>
    public required TaskGroupInfo TaskGroup { get; init; }
}
