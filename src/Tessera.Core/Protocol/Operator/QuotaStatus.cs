namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>quota.QuotaStatus</c>.</summary>
public sealed record QuotaStatus
{
    /// <summary>Quota in the old format.</summary>
    public IReadOnlyList<QuotaInfo>? Infos { get; init; }

    /// <summary>Quota configurations.</summary>
    public IReadOnlyList<QuotaConfig>? Configs { get; init; }
}
