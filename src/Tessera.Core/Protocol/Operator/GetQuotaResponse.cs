namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Response.GetQuota</c>.</summary>
public sealed record GetQuotaResponse
{
    /// <summary>The quota.</summary>
    public required QuotaStatus Status { get; init; }
}
