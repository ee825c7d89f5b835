using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary>
/// <c>GET /api/jobs/{cluster}/{role}/{env}/{name}</c>: the job's spec summary, every instance, and
/// its active update, else its latest (<see cref="Update"/>, null when it never had one; a rolling
/// restart is an update too).
/// </summary>
public sealed record JobStatus(
    string Key,
    int Instances,
    TaskResources? Resources,
    bool IsService,
    string? Command,
    ImmutableArray<InstanceStatus> InstanceStatuses,
    string? Contact = null,
    UpdateSummary? Update = null);
