using System.Text.Json.Serialization;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;

namespace Tessera.Core.AgentLink;

[JsonConverter(typeof(ProtoEnumConverter<AgentCommandType>))]
public enum AgentCommandType
{
    UNKNOWN = 0,
    RUN_TASK = 1,
    RUN_TASK_GROUP = 2,
    KILL_TASK = 3,
    SHUTDOWN_EXECUTOR = 4,
    SHUTDOWN_FRAMEWORK = 5,
    ACKNOWLEDGE_UPDATE = 6,
    FRAMEWORK_MESSAGE = 7,
    PING = 8,
    UPDATE_FRAMEWORK = 9,
    RECONCILE_TASKS = 10,
    APPLY_RESOURCES = 11,
}

/// <summary>
/// Master → agent, one record on the agent's command stream (<c>POST /agent/v1/stream</c>, RecordIO).
/// Like the Mesos calls, the body field is named after the type.
/// </summary>
public sealed record AgentCommand
{
    public required AgentCommandType Type { get; init; }
    public RunTask? RunTask { get; init; }
    public RunTaskGroup? RunTaskGroup { get; init; }
    public KillTask? KillTask { get; init; }
    public ShutdownExecutor? ShutdownExecutor { get; init; }
    public ShutdownFramework? ShutdownFramework { get; init; }
    public AcknowledgeUpdate? AcknowledgeUpdate { get; init; }
    public FrameworkMessage? FrameworkMessage { get; init; }
    public Ping? Ping { get; init; }
    public UpdateFrameworkInfo? UpdateFramework { get; init; }
    public ReconcileTasks? ReconcileTasks { get; init; }
    public ApplyResources? ApplyResources { get; init; }
}

public sealed record RunTask
{
    public required FrameworkInfo FrameworkInfo { get; init; }
    public required TaskInfo Task { get; init; }
}

public sealed record RunTaskGroup
{
    public required FrameworkInfo FrameworkInfo { get; init; }
    public required ExecutorInfo Executor { get; init; }
    public required TaskGroupInfo TaskGroup { get; init; }
}

public sealed record KillTask
{
    public required FrameworkID FrameworkId { get; init; }
    public required TaskID TaskId { get; init; }
    public KillPolicy? KillPolicy { get; init; }
}

public sealed record ShutdownExecutor
{
    public required FrameworkID FrameworkId { get; init; }
    public required ExecutorID ExecutorId { get; init; }
}

public sealed record ShutdownFramework
{
    public required FrameworkID FrameworkId { get; init; }
}

public sealed record AcknowledgeUpdate
{
    public required FrameworkID FrameworkId { get; init; }
    public required TaskID TaskId { get; init; }
    public required ByteString Uuid { get; init; }
}

public sealed record FrameworkMessage
{
    public required FrameworkID FrameworkId { get; init; }
    public required ExecutorID ExecutorId { get; init; }
    public required ByteString Data { get; init; }
}

public sealed record Ping
{
    public required long Sequence { get; init; }
}

public sealed record UpdateFrameworkInfo
{
    public required FrameworkInfo FrameworkInfo { get; init; }
}

/// <summary>The master asks for the latest state of these tasks (all of a framework's when empty).</summary>
public sealed record ReconcileTasks
{
    public required FrameworkID FrameworkId { get; init; }
    public IReadOnlyList<TaskID>? TaskIds { get; init; }
}

/// <summary>Checkpoint a new total after RESERVE/UNRESERVE/CREATE/DESTROY.</summary>
public sealed record ApplyResources
{
    public required IReadOnlyList<Resource> Total { get; init; }
}
