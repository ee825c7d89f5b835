namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response</c>: the answer to a synchronous operator call.</summary>
public sealed record OperatorResponse
{
    /// <summary>The call answered.</summary>
    public OperatorCallType? Type { get; init; }

    /// <summary>For GET_HEALTH.</summary>
    public GetHealthResponse? GetHealth { get; init; }

    /// <summary>For GET_FLAGS.</summary>
    public GetFlagsResponse? GetFlags { get; init; }

    /// <summary>For GET_VERSION.</summary>
    public GetVersionResponse? GetVersion { get; init; }

    /// <summary>For GET_METRICS.</summary>
    public GetMetricsResponse? GetMetrics { get; init; }

    /// <summary>For GET_STATE.</summary>
    public GetStateResponse? GetState { get; init; }

    /// <summary>For GET_AGENTS.</summary>
    public GetAgentsResponse? GetAgents { get; init; }

    /// <summary>For GET_FRAMEWORKS.</summary>
    public GetFrameworksResponse? GetFrameworks { get; init; }

    /// <summary>For GET_EXECUTORS.</summary>
    public GetExecutorsResponse? GetExecutors { get; init; }

    /// <summary>For GET_TASKS.</summary>
    public GetTasksResponse? GetTasks { get; init; }

    /// <summary>For GET_ROLES.</summary>
    public GetRolesResponse? GetRoles { get; init; }

    /// <summary>For GET_WEIGHTS.</summary>
    public GetWeightsResponse? GetWeights { get; init; }

    /// <summary>For GET_MASTER.</summary>
    public GetMasterResponse? GetMaster { get; init; }

    /// <summary>For GET_MAINTENANCE_STATUS.</summary>
    public GetMaintenanceStatusResponse? GetMaintenanceStatus { get; init; }

    /// <summary>For GET_MAINTENANCE_SCHEDULE.</summary>
    public GetMaintenanceScheduleResponse? GetMaintenanceSchedule { get; init; }

    /// <summary>For GET_QUOTA.</summary>
    public GetQuotaResponse? GetQuota { get; init; }
}
