namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.StartMaintenance</c>.</summary>
public sealed record StartMaintenanceCall
{
    /// <summary>Machines to take down.</summary>
    public IReadOnlyList<MachineID>? Machines { get; init; }
}
