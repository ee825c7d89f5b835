namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>Role.Quota</c> as reported by GET_ROLES.</summary>
public sealed record RoleQuota
{
    /// <summary>The role.</summary>
    public string? Role { get; init; }

    /// <summary>Guaranteed quantities.</summary>
    public IReadOnlyDictionary<string, ValueScalar>? Guarantee { get; init; }

    /// <summary>Limits.</summary>
    public IReadOnlyDictionary<string, ValueScalar>? Limit { get; init; }

    /// <summary>Quota consumed.</summary>
    public IReadOnlyDictionary<string, ValueScalar>? Consumed { get; init; }
}
