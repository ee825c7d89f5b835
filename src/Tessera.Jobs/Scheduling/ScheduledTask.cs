using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// One task (one run of an instance): its spec, where it is, its state and the history of how it got there.
/// </summary>
/// <param name="TaskId">Unique id, <c>role-env-job-instance-uuid</c> (<see cref="TaskIds"/>).</param>
/// <param name="Spec">What it runs with.</param>
/// <param name="Status">Its state: always the status of the last <see cref="Events"/> entry.</param>
/// <param name="Events">Every state it entered, oldest first.</param>
/// <param name="AgentId">The agent it was assigned to, once ASSIGNED.</param>
/// <param name="Hostname">That agent's hostname.</param>
/// <param name="AssignedPorts">Port numbers picked for its named ports.</param>
/// <param name="FailureCount">Failures of its ancestors (carried over on reschedule).</param>
/// <param name="AncestorId">The task it replaces, if any.</param>
/// <param name="ConsecutiveFlaps">How many ancestors in a row flapped (ran under the threshold).</param>
/// <param name="ThrottledUntil">While THROTTLED: when it may become PENDING.</param>
/// <param name="Healthy">The last health verdict a Mesos update carried (<c>healthy</c>); null when none did.</param>
/// <param name="HealthChangedAt">When it was last reported unhealthy, or healthy again after that.</param>
public sealed record ScheduledTask(
    string TaskId,
    TaskSpec Spec,
    ScheduleStatus Status,
    ImmutableArray<TaskEvent> Events,
    string? AgentId = null,
    string? Hostname = null,
    ImmutableSortedDictionary<string, int>? AssignedPorts = null,
    int FailureCount = 0,
    string? AncestorId = null,
    int ConsecutiveFlaps = 0,
    DateTimeOffset? ThrottledUntil = null,
    bool? Healthy = null,
    DateTimeOffset? HealthChangedAt = null)
{
    /// <summary>A task in INIT, about to be PENDING or THROTTLED.</summary>
    public static ScheduledTask Create(string taskId, TaskSpec spec, DateTimeOffset now, string message = "created") =>
        new(taskId, spec, ScheduleStatus.INIT, [new TaskEvent(now, ScheduleStatus.INIT, message)]);

    /// <summary>When it entered its current state.</summary>
    [JsonIgnore]
    public DateTimeOffset Since => Events.IsDefaultOrEmpty ? DateTimeOffset.MinValue : Events[^1].At;

    /// <summary>
    /// The task with the health verdict of an update (<paramref name="healthy"/>; null changes nothing);
    /// <see cref="HealthChangedAt"/> moves when it turns unhealthy or recovers from unhealthy.
    /// </summary>
    public ScheduledTask WithHealth(bool? healthy, DateTimeOffset now) =>
        healthy is not { } h || h == Healthy ? this
        : !h != (Healthy == false) ? this with { Healthy = h, HealthChangedAt = now }
        : this with { Healthy = h };

    /// <summary>Whether it was ever in <paramref name="status"/>.</summary>
    public bool WasEver(ScheduleStatus status) => !Events.IsDefaultOrEmpty && Events.Any(e => e.Status == status);
}
