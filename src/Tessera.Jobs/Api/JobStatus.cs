using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Api;

/// <summary><c>GET /api/jobs/{cluster}/{role}/{env}/{name}</c>: the job's spec summary and every instance.</summary>
public sealed record JobStatus(
    string Key,
    int Instances,
    TaskResources? Resources,
    bool IsService,
    string? Command,
    ImmutableArray<InstanceStatus> InstanceStatuses,
    string? Rollout);
