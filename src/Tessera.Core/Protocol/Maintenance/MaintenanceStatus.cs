namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>maintenance.ClusterStatus</c>.</summary>
public sealed record MaintenanceStatus
{
    /// <summary>Machines being drained.</summary>
    public IReadOnlyList<DrainingMachine>? DrainingMachines { get; init; }

    /// <summary>Machines that are down.</summary>
    public IReadOnlyList<MachineID>? DownMachines { get; init; }
}
