namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>maintenance.Schedule</c>.</summary>
public sealed record MaintenanceSchedule
{
    /// <summary>The windows.</summary>
    public IReadOnlyList<MaintenanceWindow>? Windows { get; init; }
}
