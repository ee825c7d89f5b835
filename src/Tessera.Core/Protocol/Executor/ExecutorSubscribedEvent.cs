namespace Tessera.Core.Protocol.Executor;

/// <summary>Mesos <c>executor.Event.Subscribed</c>.</summary>
public sealed record ExecutorSubscribedEvent
{
    /// <summary>The executor.</summary>
    public required ExecutorInfo ExecutorInfo { get; init; }

    /// <summary>The framework.</summary>
    public required FrameworkInfo FrameworkInfo { get; init; }

    /// <summary>The agent.</summary>
    public required AgentInfo AgentInfo { get; init; }

    /// <summary>The executor's container.</summary>
    public ContainerID? ContainerId { get; init; }
}
