namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.Response.GetContainers.Container</c>.</summary>
public sealed record ContainerEntry
{
    /// <summary>The framework of the executor in the container.</summary>
    public FrameworkID? FrameworkId { get; init; }

    /// <summary>The executor in the container.</summary>
    public ExecutorID? ExecutorId { get; init; }

    /// <summary>The executor's name.</summary>
    public string? ExecutorName { get; init; }

    /// <summary>The container.</summary>
    public required ContainerID ContainerId { get; init; }

    /// <summary>The container's status.</summary>
    public ContainerStatus? ContainerStatus { get; init; }

    /// <summary>Usage and limits, as far as the isolation measures them.</summary>
    public ResourceStatistics? ResourceStatistics { get; init; }
}
