namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetMaster</c>.</summary>
public sealed record GetMasterResponse
{
    /// <summary>The leading master.</summary>
    public MasterInfo? MasterInfo { get; init; }

    /// <summary>When it started (seconds since the epoch).</summary>
    public double? StartTime { get; init; }

    /// <summary>When it was elected.</summary>
    public double? ElectedTime { get; init; }
}
