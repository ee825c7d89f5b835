namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>QuotaConfig</c>: <c>guarantees</c> and <c>limits</c> are maps like <c>{"cpus":{"value":1.0}}</c>.</summary>
public sealed record QuotaConfig
{
    /// <summary>The role.</summary>
    public required string Role { get; init; }

    /// <summary>Guaranteed quantities (deprecated).</summary>
    public IReadOnlyDictionary<string, ValueScalar>? Guarantees { get; init; }

    /// <summary>Upper limits.</summary>
    public IReadOnlyDictionary<string, ValueScalar>? Limits { get; init; }
}
