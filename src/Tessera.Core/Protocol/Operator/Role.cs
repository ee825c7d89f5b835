namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>Role</c>: one row of GET_ROLES.</summary>
public sealed record Role
{
    /// <summary>The role.</summary>
    public required string Name { get; init; }

    /// <summary>Its weight.</summary>
    public required double Weight { get; init; }

    /// <summary>Frameworks subscribed to it.</summary>
    public IReadOnlyList<FrameworkID>? Frameworks { get; init; }

    /// <summary>Allocated resources (deprecated).</summary>
    public IReadOnlyList<Resource>? Resources { get; init; }

    /// <summary>Its quota.</summary>
    public RoleQuota? Quota { get; init; }

    /// <summary>Reserved quantities.</summary>
    public IReadOnlyDictionary<string, ValueScalar>? Reserved { get; init; }

    /// <summary>Allocated quantities.</summary>
    public IReadOnlyDictionary<string, ValueScalar>? Allocated { get; init; }

    /// <summary>Offered quantities.</summary>
    public IReadOnlyDictionary<string, ValueScalar>? Offered { get; init; }
}
