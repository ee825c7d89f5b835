using Tessera.Core.Protocol;

namespace Tessera.Core.AgentLink;

/// <summary>
/// What the agent checkpoints per task of a checkpointing framework (<c>work_dir/meta/frameworks/
/// &lt;fw&gt;/tasks/&lt;task&gt;/task.json</c>), rewritten atomically on every change: enough to
/// re-attach to its container after a restart and to resend every update not yet acknowledged.
/// </summary>
public sealed record AgentTaskCheckpoint
{
    public required FrameworkInfo FrameworkInfo { get; init; }
    public required TaskInfo Task { get; init; }
    public required string Sandbox { get; init; }
    public required TaskState State { get; init; }
    public bool? KillRequested { get; init; }
    public MesosTaskStatus? Latest { get; init; }

    /// <summary>Updates not yet acknowledged, oldest first.</summary>
    public IReadOnlyList<AgentStatusUpdate>? PendingUpdates { get; init; }

    public AgentContainerCheckpoint? Container { get; init; }
}

/// <summary>
/// A container as the agent knows it across restarts (<c>work_dir/meta/containers/&lt;id&gt;/
/// container.json</c>): the launcher's pid and its start time (which tells a reused pid apart).
/// </summary>
public sealed record AgentContainerCheckpoint
{
    public required string ContainerId { get; init; }
    public required int Pid { get; init; }
    public string? StartTime { get; init; }
    public double? MemMb { get; init; }
}
