namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>maintenance.Window</c>.</summary>
public sealed record MaintenanceWindow
{
    /// <summary>The machines.</summary>
    public IReadOnlyList<MachineID>? MachineIds { get; init; }

    /// <summary>When they are unavailable.</summary>
    public required Unavailability Unavailability { get; init; }
}
