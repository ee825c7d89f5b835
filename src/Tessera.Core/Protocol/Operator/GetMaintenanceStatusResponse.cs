namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetMaintenanceStatus</c>.</summary>
public sealed record GetMaintenanceStatusResponse
{
    /// <summary>The status.</summary>
    public required MaintenanceStatus Status { get; init; }
}
