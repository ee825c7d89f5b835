namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>ExecutorInfo</c>: an executor to start on an agent.</summary>
public sealed record ExecutorInfo
{
    /// <summary>DEFAULT or CUSTOM.</summary>
    public ExecutorType? Type { get; init; }

    /// <summary>The executor ID, unique within the framework.</summary>
    public required ExecutorID ExecutorId { get; init; }

    /// <summary>The framework (filled in by the master).</summary>
    public FrameworkID? FrameworkId { get; init; }

    /// <summary>The command that starts a CUSTOM executor.</summary>
    public CommandInfo? Command { get; init; }

    /// <summary>The container.</summary>
    public ContainerInfo? Container { get; init; }

    /// <summary>The executor's own resources.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }

    /// <summary>A name for humans.</summary>
    public string? Name { get; init; }

    /// <summary>A source tag (deprecated).</summary>
    public string? Source { get; init; }

    /// <summary>Opaque data.</summary>
    public ByteString? Data { get; init; }

    /// <summary>Service discovery information.</summary>
    public DiscoveryInfo? Discovery { get; init; }

    /// <summary>Time between SIGTERM and SIGKILL when shutting down.</summary>
    public DurationInfo? ShutdownGracePeriod { get; init; }

    /// <summary>Labels.</summary>
    public Labels? Labels { get; init; }
}
