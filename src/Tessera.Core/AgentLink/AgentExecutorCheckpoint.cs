using Tessera.Core.Protocol;

namespace Tessera.Core.AgentLink;

/// <summary>
/// What the agent checkpoints per executor run of a checkpointing framework (<c>work_dir/meta/
/// frameworks/&lt;fw&gt;/executors/&lt;executor&gt;/runs/&lt;run&gt;/executor.json</c>), rewritten
/// atomically on every change: enough to re-attach to the executor's container (or, for a DEFAULT
/// executor, to its tasks' containers) after a restart, to let a custom executor subscribe again,
/// and to resend every update not yet acknowledged. Removed once the executor has ended and its
/// tasks' last updates are acknowledged.
/// </summary>
public sealed record AgentExecutorCheckpoint
{
    public required FrameworkInfo FrameworkInfo { get; init; }
    public required ExecutorInfo ExecutorInfo { get; init; }
    public required string RunId { get; init; }
    public required string Sandbox { get; init; }

    /// <summary>The custom executor subscribed at least once (its next SUBSCRIBE is a resubscription).</summary>
    public bool? Subscribed { get; init; }

    /// <summary>SHUTDOWN was sent or a timeout hit: the executor is being killed.</summary>
    public bool? Terminating { get; init; }

    /// <summary>The executor has ended; only its tasks' unacknowledged updates are left.</summary>
    public bool? Terminated { get; init; }

    public TaskStatusReason? EndReason { get; init; }
    public string? EndMessage { get; init; }
    public bool? FrameworkGone { get; init; }

    /// <summary>The custom executor's container (null for a DEFAULT executor, whose tasks have their own).</summary>
    public AgentContainerCheckpoint? Container { get; init; }

    public IReadOnlyList<AgentExecutorTaskCheckpoint>? Tasks { get; init; }

    /// <summary>Launches not yet sent to the executor (it hasn't subscribed), oldest first.</summary>
    public IReadOnlyList<AgentQueuedLaunchCheckpoint>? Queued { get; init; }

    /// <summary>A DEFAULT executor's task groups, each the task ids that live and die together.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Groups { get; init; }
}

/// <summary>One task of a checkpointed executor.</summary>
public sealed record AgentExecutorTaskCheckpoint
{
    public required TaskInfo Task { get; init; }
    public required string Sandbox { get; init; }
    public required TaskState State { get; init; }
    public bool? KillRequested { get; init; }
    public MesosTaskStatus? Latest { get; init; }

    /// <summary>Updates not yet acknowledged, oldest first.</summary>
    public IReadOnlyList<AgentStatusUpdate>? PendingUpdates { get; init; }

    /// <summary>Uuids of the updates the executor sent for this task, so one it sends again after a restart is not taken twice.</summary>
    public IReadOnlyList<ByteString>? SeenUuids { get; init; }

    /// <summary>A DEFAULT executor's task runs in its own container.</summary>
    public AgentContainerCheckpoint? Container { get; init; }
}

/// <summary>A LAUNCH (one task) or LAUNCH_GROUP waiting for the executor to subscribe.</summary>
public sealed record AgentQueuedLaunchCheckpoint
{
    public required IReadOnlyList<string> TaskIds { get; init; }
    public bool? IsGroup { get; init; }
}
