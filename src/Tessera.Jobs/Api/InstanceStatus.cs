using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>
/// One instance in a job's status: its current task (the active one, else the latest), where it
/// runs, and for a PENDING or THROTTLED task why it waits (<see cref="PendingReasons"/>, one
/// sentence each with amounts; <see cref="PendingReason"/> joins them), and the task's
/// <see cref="Api.ConfigVersion"/>.
/// </summary>
public sealed record InstanceStatus(
    int Instance,
    string? TaskId,
    ScheduleStatus? Status,
    DateTimeOffset? Since,
    string? AgentId,
    string? Hostname,
    ImmutableSortedDictionary<string, int>? Ports,
    int FailureCount,
    string? PendingReason,
    ImmutableArray<string> PendingReasons,
    ImmutableArray<TaskEvent> Events,
    string? ConfigVersion = null);
