namespace Tessera.Core.Protocol;

/// <summary>
/// Mesos <c>Task</c>: the master's record of a launched task, as in GET_TASKS and TASK_ADDED
/// (renamed to avoid <see cref="System.Threading.Tasks.Task"/>).
/// </summary>
public sealed record MesosTask
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The task ID.</summary>
    public required TaskID TaskId { get; init; }

    /// <summary>The framework.</summary>
    public required FrameworkID FrameworkId { get; init; }

    /// <summary>The executor, for tasks with a custom or default executor.</summary>
    public ExecutorID? ExecutorId { get; init; }

    /// <summary>The agent.</summary>
    public required AgentID AgentId { get; init; }

    /// <summary>The latest state.</summary>
    public required TaskState State { get; init; }

    /// <summary>The resources.</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }

    /// <summary>Recent status updates.</summary>
    public IReadOnlyList<MesosTaskStatus>? Statuses { get; init; }

    /// <summary>The state of the latest unacknowledged update.</summary>
    public TaskState? StatusUpdateState { get; init; }

    /// <summary>The uuid of the latest unacknowledged update.</summary>
    public ByteString? StatusUpdateUuid { get; init; }

    /// <summary>Labels.</summary>
    public Labels? Labels { get; init; }

    /// <summary>Service discovery.</summary>
    public DiscoveryInfo? Discovery { get; init; }

    /// <summary>The container.</summary>
    public ContainerInfo? Container { get; init; }

    /// <summary>The health check.</summary>
    public HealthCheck? HealthCheck { get; init; }

    /// <summary>The check.</summary>
    public CheckInfo? Check { get; init; }

    /// <summary>The kill policy.</summary>
    public KillPolicy? KillPolicy { get; init; }

    /// <summary>The user the task runs as.</summary>
    public string? User { get; init; }
}
