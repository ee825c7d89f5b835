namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>quota.QuotaInfo</c> (pre-1.9 quota).</summary>
public sealed record QuotaInfo
{
    /// <summary>The role.</summary>
    public string? Role { get; init; }

    /// <summary>Who set it.</summary>
    public string? Principal { get; init; }

    /// <summary>The guarantee.</summary>
    public IReadOnlyList<Resource>? Guarantee { get; init; }
}
