using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>One task of an instance with its full state history.</summary>
public sealed record TaskRecord(
    string TaskId,
    ScheduleStatus Status,
    string? AgentId,
    string? Hostname,
    string? AncestorId,
    int FailureCount,
    ImmutableArray<TaskEvent> Events);
