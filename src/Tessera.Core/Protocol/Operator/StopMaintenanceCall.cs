namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.StopMaintenance</c>.</summary>
public sealed record StopMaintenanceCall
{
    /// <summary>Machines to bring up.</summary>
    public IReadOnlyList<MachineID>? Machines { get; init; }
}
