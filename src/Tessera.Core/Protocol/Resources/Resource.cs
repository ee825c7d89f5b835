namespace Tessera.Core.Protocol;

/// <summary>
/// Mesos <c>Resource</c> on the wire: one named, typed quantity with its role, reservations,
/// disk and sharing details. The domain type built from it lives in <c>Tessera.Core.Resources</c>.
/// </summary>
public sealed record Resource
{
    /// <summary>The resource provider, for resources that come from one.</summary>
    public ResourceProviderID? ProviderId { get; init; }

    /// <summary>The name, such as <c>cpus</c>, <c>mem</c>, <c>disk</c>, <c>ports</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Which of the value fields is set.</summary>
    public required ValueKind Type { get; init; }

    /// <summary>The quantity when <see cref="Type"/> is SCALAR.</summary>
    public ValueScalar? Scalar { get; init; }

    /// <summary>The ranges when <see cref="Type"/> is RANGES.</summary>
    public ValueRanges? Ranges { get; init; }

    /// <summary>The items when <see cref="Type"/> is SET.</summary>
    public ValueSet? Set { get; init; }

    /// <summary>The pre-refinement role (deprecated in Mesos, still emitted by it; <c>*</c> when unreserved).</summary>
    public string? Role { get; init; }

    /// <summary>The role the resource is allocated to, when offered or used.</summary>
    public AllocationInfo? AllocationInfo { get; init; }

    /// <summary>The pre-refinement dynamic reservation (deprecated).</summary>
    public ReservationInfo? Reservation { get; init; }

    /// <summary>The reservation stack, outermost last (<c>RESERVATION_REFINEMENT</c> format).</summary>
    public IReadOnlyList<ReservationInfo>? Reservations { get; init; }

    /// <summary>Persistent volume and disk source details for <c>disk</c>.</summary>
    public DiskInfo? Disk { get; init; }

    /// <summary>Set (to an empty object) when the resource is revocable.</summary>
    public RevocableInfo? Revocable { get; init; }

    /// <summary>Set (to an empty object) when the resource is shared.</summary>
    public SharedInfo? Shared { get; init; }
}
