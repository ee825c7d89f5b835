namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>master.Call.UpdateQuota</c>.</summary>
public sealed record UpdateQuotaCall
{
    /// <summary>Skip the capacity check.</summary>
    public bool? Force { get; init; }

    /// <summary>The configurations.</summary>
    public IReadOnlyList<QuotaConfig>? QuotaConfigs { get; init; }
}
