namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetMaintenanceSchedule</c>.</summary>
public sealed record GetMaintenanceScheduleResponse
{
    /// <summary>The schedule.</summary>
    public required MaintenanceSchedule Schedule { get; init; }
}
