using System.Collections.Immutable;

namespace Tessera.Core.Resources;

public enum ReservationType
{
    Static,
    Dynamic,
}

/// <summary>A key/value label, as in Mesos' <c>Labels</c>.</summary>
public readonly record struct ResourceLabel(string Key, string? Value);

/// <summary>
/// One level of a reservation stack. Static reservations come from the agent's <c>--resources</c>
/// (<c>cpus(ops):4</c>); dynamic ones from RESERVE, with the principal who made them and labels.
/// </summary>
public sealed record Reservation(ReservationType Type, string Role, string? Principal = null, ImmutableArray<ResourceLabel> Labels = default)
{
    public ImmutableArray<ResourceLabel> Labels { get; init; } = Labels.IsDefault ? ImmutableArray<ResourceLabel>.Empty : Labels;

    public static Reservation Static(string role) => new(ReservationType.Static, role);

    public static Reservation Dynamic(string role, string? principal = null, params ResourceLabel[] labels) =>
        new(ReservationType.Dynamic, role, principal, labels.ToImmutableArray());

    public bool Equals(Reservation? other) =>
        other is not null && Type == other.Type && Role == other.Role && Principal == other.Principal &&
        Labels.AsSpan().SequenceEqual(other.Labels.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Type, Role, Principal, Labels.Length);
}
