using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Updates;

/// <summary>
/// A job update as stored (plain data; <see cref="UpdateEvaluator"/> moves it on, <see cref="UpdateControl"/>
/// pauses, resumes, aborts, rolls back and pulses it). Ended updates are kept as history.
/// </summary>
/// <param name="Id">Unique id (a UUID), with <see cref="Job"/> the update's key.</param>
/// <param name="From">The job's spec when the update started (what the job is again once it rolled back).</param>
/// <param name="Original">The config each instance in the working set ran at the start (none: it had no task).</param>
/// <param name="To">The job's spec once the update rolled forward.</param>
/// <param name="Instances">The working set in the current direction, in order: each instance's progress.</param>
/// <param name="PausedBeforeBatch">With autopause: the batch the update paused before (it starts on resume).</param>
/// <param name="Restart">
/// A rolling restart (<c>job restart</c>): the configs stay the same; every task in the working set
/// that is older than its instance's start in the update is replaced.
/// </param>
public sealed record JobUpdate(
    string Id,
    JobKey Job,
    UpdateSettings Settings,
    JobSpec From,
    ImmutableArray<ConfigGroup> Original,
    JobSpec To,
    UpdateStatus Status,
    ImmutableArray<InstanceProgress> Instances,
    ImmutableArray<UpdateEvent> Events,
    ImmutableArray<InstanceEvent> InstanceEvents,
    DateTimeOffset CreatedAt,
    string? Message = null,
    DateTimeOffset? LastPulseAt = null,
    int PausedBeforeBatch = 0,
    bool Restart = false)
{
    /// <summary>When it entered its current status.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset Since => Events.IsDefaultOrEmpty ? CreatedAt : Events[^1].At;

    /// <summary>When it ended, or null while active.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? EndedAt => Status.IsActive() ? null : Since;

    /// <summary>
    /// The config instance <paramref name="instance"/> should run in the current direction (null: none).
    /// </summary>
    public TaskSpec? Desired(int instance) =>
        Restart ? OriginalOf(instance)
        : Status.IsForward() || Status == UpdateStatus.ROLLED_FORWARD
            ? instance < To.Instances ? To.Instance(instance) : null
            : OriginalOf(instance);

    /// <summary>
    /// The config instance <paramref name="instance"/> ran when the update started (null: it had no task).
    /// </summary>
    public TaskSpec? OriginalOf(int instance)
    {
        foreach (var group in Original)
        {
            if (group.Instances.Contains(instance))
                return group.Config with { Job = Job, InstanceId = instance };
        }
        return null;
    }

    /// <summary>
    /// The update in <paramref name="status"/> from <paramref name="now"/>, with an event saying why.
    /// </summary>
    public JobUpdate WithStatus(UpdateStatus status, DateTimeOffset now, string message) =>
        this with { Status = status, Events = Events.Add(new UpdateEvent(now, status, message)) };
}
