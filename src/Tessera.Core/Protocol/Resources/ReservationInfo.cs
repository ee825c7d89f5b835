namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>Resource.ReservationInfo</c>: one level of a reservation stack.</summary>
public sealed record ReservationInfo
{
    /// <summary>Static or dynamic.</summary>
    public ReservationType? Type { get; init; }

    /// <summary>The role reserved for.</summary>
    public string? Role { get; init; }

    /// <summary>The principal that made a dynamic reservation.</summary>
    public string? Principal { get; init; }

    /// <summary>Labels attached by the reserver.</summary>
    public Labels? Labels { get; init; }
}
