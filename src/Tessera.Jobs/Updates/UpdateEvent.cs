namespace Tessera.Jobs.Updates;

/// <summary>The update entered <paramref name="Status"/> at <paramref name="At"/>, and why.</summary>
public sealed record UpdateEvent(DateTimeOffset At, UpdateStatus Status, string Message);

/// <summary>
/// Instance <paramref name="Instance"/> had <paramref name="Action"/> at <paramref name="At"/>, and why.
/// </summary>
public sealed record InstanceEvent(DateTimeOffset At, int Instance, InstanceAction Action, string Message);

/// <summary>
/// One instance's progress in the current direction: its phase, when it started, how many of its
/// new tasks failed so far (for the events, and the reason it failed), and in a restart the task it
/// replaces (the one active when it started).
/// </summary>
public sealed record InstanceProgress(
    int Instance, InstancePhase Phase, DateTimeOffset? StartedAt = null, int Failures = 0, string? Reason = null,
    string? ReplacedTaskId = null)
{
    /// <summary>Done in this direction, one way or the other.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFinished => Phase is InstancePhase.Succeeded or InstancePhase.Failed;
}

/// <summary>A config and the instances that ran it when the update started (what a rollback returns to).</summary>
public sealed record ConfigGroup(Scheduling.TaskSpec Config,
    System.Collections.Immutable.ImmutableArray<int> Instances);
