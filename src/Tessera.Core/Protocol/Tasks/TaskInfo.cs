namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>TaskInfo</c>: what a framework asks to launch. Exactly one of command or executor is set.</summary>
public sealed record TaskInfo
{
    /// <summary>A name for humans.</summary>
    public required string Name { get; init; }

    /// <summary>The framework-chosen task ID.</summary>
    public required TaskID TaskId { get; init; }

    /// <summary>The agent to run on.</summary>
    public required AgentID AgentId { get; init; }

    /// <summary>The resources the task uses.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }

    /// <summary>A custom executor to run the task.</summary>
    public ExecutorInfo? Executor { get; init; }

    /// <summary>The command for the command executor.</summary>
    public CommandInfo? Command { get; init; }

    /// <summary>The container.</summary>
    public ContainerInfo? Container { get; init; }

    /// <summary>A health check.</summary>
    public HealthCheck? HealthCheck { get; init; }

    /// <summary>A general check.</summary>
    public CheckInfo? Check { get; init; }

    /// <summary>How to kill the task.</summary>
    public KillPolicy? KillPolicy { get; init; }

    /// <summary>Opaque data for the executor.</summary>
    public ByteString? Data { get; init; }

    /// <summary>Labels.</summary>
    public Labels? Labels { get; init; }

    /// <summary>Service discovery information.</summary>
    public DiscoveryInfo? Discovery { get; init; }

    /// <summary>Kill the task after this long.</summary>
    public DurationInfo? MaxCompletionTime { get; init; }

    /// <summary>Resource limits above the requested resources (Mesos 1.11 <c>limits</c> map).</summary>
    public IReadOnlyDictionary<string, ValueScalar>? Limits { get; init; }
}
