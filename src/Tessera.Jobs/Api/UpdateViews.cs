using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;

namespace Tessera.Jobs.Api;

/// <summary>
/// The body of <c>POST …/update</c>: the new job spec, the update's settings (Aurora's defaults
/// when absent), the instances it may touch (all when absent) and a message kept with it.
/// </summary>
public sealed record UpdateStartRequest(JobSpec Job, UpdateSettings? Settings = null,
    ImmutableArray<int>? Instances = null, string? Message = null);

/// <summary>
/// What <c>POST …/update</c> did: the update started (its id), or nothing to do (<see cref="UpdateId"/> null).
/// </summary>
public sealed record UpdateStarted(string Key, string? UpdateId, string Message, ImmutableArray<int> Instances);

/// <summary>One update in a list: where it is and how far it got.</summary>
/// <param name="Reason">The message of its latest status change (how it ended, for an ended one).</param>
/// <param name="Working">Instances in progress now.</param>
public sealed record UpdateSummary(
    string Key,
    string Id,
    UpdateStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset Since,
    DateTimeOffset? EndedAt,
    string? Message,
    string Reason,
    int Instances,
    int Succeeded,
    int Failed,
    ImmutableArray<int> Working);

/// <summary>
/// One instance of an update now: its phase in the current direction, its current task (state,
/// health, since when) and which config that task runs (<c>old</c>, <c>new</c>, or <c>other</c>).
/// </summary>
public sealed record UpdateInstanceStatus(
    int Instance,
    InstancePhase Phase,
    string? TaskId,
    ScheduleStatus? TaskStatus,
    bool? Healthy,
    DateTimeOffset? Since,
    string? Config,
    int Failures,
    string? Reason);

/// <summary>
/// <c>GET …/updates/{id}</c>: the summary, the settings, every instance, and every event with times and reasons.
/// </summary>
public sealed record UpdateDetails(
    UpdateSummary Summary,
    UpdateSettings Settings,
    int FromInstances,
    int ToInstances,
    ImmutableArray<UpdateInstanceStatus> InstanceStatuses,
    ImmutableArray<UpdateEvent> Events,
    ImmutableArray<InstanceEvent> InstanceEvents);
