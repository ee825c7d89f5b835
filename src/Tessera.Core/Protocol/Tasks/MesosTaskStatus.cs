namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>TaskStatus</c>: one status update of a task (renamed to avoid <see cref="System.Threading.Tasks.TaskStatus"/>).</summary>
public sealed record MesosTaskStatus
{
    /// <summary>The task.</summary>
    public required TaskID TaskId { get; init; }

    /// <summary>The new state.</summary>
    public required TaskState State { get; init; }

    /// <summary>Human-readable detail.</summary>
    public string? Message { get; init; }

    /// <summary>Who generated the update.</summary>
    public TaskStatusSource? Source { get; init; }

    /// <summary>Why.</summary>
    public TaskStatusReason? Reason { get; init; }

    /// <summary>Opaque executor data.</summary>
    public ByteString? Data { get; init; }

    /// <summary>The agent.</summary>
    public AgentID? AgentId { get; init; }

    /// <summary>The executor.</summary>
    public ExecutorID? ExecutorId { get; init; }

    /// <summary>Seconds since the epoch.</summary>
    public double? Timestamp { get; init; }

    /// <summary>Set on updates that must be acknowledged.</summary>
    public ByteString? Uuid { get; init; }

    /// <summary>The health-check verdict, when the task has one.</summary>
    public bool? Healthy { get; init; }

    /// <summary>The latest check result.</summary>
    public CheckStatusInfo? CheckStatus { get; init; }

    /// <summary>Labels.</summary>
    public Labels? Labels { get; init; }

    /// <summary>Container runtime details.</summary>
    public ContainerStatus? ContainerStatus { get; init; }

    /// <summary>When the task's agent became unreachable.</summary>
    public TimeInfo? UnreachableTime { get; init; }

    /// <summary>The resource limit the task hit.</summary>
    public TaskResourceLimitation? Limitation { get; init; }
}
