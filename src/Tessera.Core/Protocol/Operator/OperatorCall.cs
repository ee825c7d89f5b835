namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call</c>: what an operator POSTs to <c>/api/v1</c>; the body named after <see cref="Type"/> is set.</summary>
public sealed record OperatorCall
{
    /// <summary>The call.</summary>
    public OperatorCallType? Type { get; init; }

    /// <summary>For GET_METRICS.</summary>
    public GetMetricsCall? GetMetrics { get; init; }

    /// <summary>For UPDATE_WEIGHTS.</summary>
    public UpdateWeightsCall? UpdateWeights { get; init; }

    /// <summary>For RESERVE_RESOURCES.</summary>
    public ReserveResourcesCall? ReserveResources { get; init; }

    /// <summary>For UNRESERVE_RESOURCES.</summary>
    public UnreserveResourcesCall? UnreserveResources { get; init; }

    /// <summary>For CREATE_VOLUMES.</summary>
    public CreateVolumesCall? CreateVolumes { get; init; }

    /// <summary>For DESTROY_VOLUMES.</summary>
    public DestroyVolumesCall? DestroyVolumes { get; init; }

    /// <summary>For GROW_VOLUME.</summary>
    public GrowVolumeCall? GrowVolume { get; init; }

    /// <summary>For SHRINK_VOLUME.</summary>
    public ShrinkVolumeCall? ShrinkVolume { get; init; }

    /// <summary>For UPDATE_MAINTENANCE_SCHEDULE.</summary>
    public UpdateMaintenanceScheduleCall? UpdateMaintenanceSchedule { get; init; }

    /// <summary>For START_MAINTENANCE.</summary>
    public StartMaintenanceCall? StartMaintenance { get; init; }

    /// <summary>For STOP_MAINTENANCE.</summary>
    public StopMaintenanceCall? StopMaintenance { get; init; }

    /// <summary>For DRAIN_AGENT.</summary>
    public DrainAgentCall? DrainAgent { get; init; }

    /// <summary>For DEACTIVATE_AGENT.</summary>
    public DeactivateAgentCall? DeactivateAgent { get; init; }

    /// <summary>For REACTIVATE_AGENT.</summary>
    public ReactivateAgentCall? ReactivateAgent { get; init; }

    /// <summary>For UPDATE_QUOTA.</summary>
    public UpdateQuotaCall? UpdateQuota { get; init; }

    /// <summary>For TEARDOWN.</summary>
    public TeardownCall? Teardown { get; init; }

    /// <summary>For MARK_AGENT_GONE.</summary>
    public MarkAgentGoneCall? MarkAgentGone { get; init; }
}
