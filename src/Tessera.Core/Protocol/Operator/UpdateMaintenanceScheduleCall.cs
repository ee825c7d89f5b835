namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.UpdateMaintenanceSchedule</c>.</summary>
public sealed record UpdateMaintenanceScheduleCall
{
    /// <summary>The new schedule.</summary>
    public required MaintenanceSchedule Schedule { get; init; }
}
