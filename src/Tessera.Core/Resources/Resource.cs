using System.Collections.Immutable;
using System.Text;

namespace Tessera.Core.Resources;

/// <summary>
/// One named resource with its value and its metadata: the reservation stack, the role it is
/// allocated to, disk details, and the revocable and shared flags. Immutable, and valid by
/// construction: every factory and <c>With…</c> method checks the invariants.
/// </summary>
public sealed class Resource : IEquatable<Resource>
{
    private Resource(string name, ResourceKind kind, ScalarValue scalar, RangeSet ranges, ItemSet set,
        ImmutableArray<Reservation> reservations, string? allocationRole, DiskInfo? disk, bool revocable, bool shared)
    {
        Name = name;
        Kind = kind;
        Scalar = scalar;
        Ranges = ranges;
        Set = set;
        Reservations = reservations;
        AllocationRole = allocationRole;
        Disk = disk;
        Revocable = revocable;
        Shared = shared;
        Validate();
    }

    public string Name { get; }
    public ResourceKind Kind { get; }
    public ScalarValue Scalar { get; }
    public RangeSet Ranges { get; }
    public ItemSet Set { get; }

    /// <summary>Reservation stack, bottom first; empty when unreserved. The last entry is the current owner.</summary>
    public ImmutableArray<Reservation> Reservations { get; }

    /// <summary>The role this resource is allocated to (offered or used), from <c>allocation_info</c>.</summary>
    public string? AllocationRole { get; }

    public DiskInfo? Disk { get; }
    public bool Revocable { get; }
    public bool Shared { get; }

    public bool IsReserved => !Reservations.IsEmpty;
    public bool IsUnreserved => Reservations.IsEmpty;

    /// <summary>The role that owns the reservation, or <c>*</c> when unreserved.</summary>
    public string ReservationRole => Reservations.IsEmpty ? RoleName.Default : Reservations[^1].Role;

    /// <summary>Persistent volumes and shared resources are never split or merged: they move whole.</summary>
    public bool IsAtomic => Shared || (Disk?.IsPersistentVolume ?? false);

    public bool IsEmpty => Kind switch
    {
        ResourceKind.Scalar => Scalar.IsZero,
        ResourceKind.Ranges => Ranges.IsEmpty,
        _ => Set.IsEmpty,
    };

    /// <summary>Quantity of this resource: the scalar, or the count of range integers or set items.</summary>
    public ScalarValue Quantity => Kind switch
    {
        ResourceKind.Scalar => Scalar,
        ResourceKind.Ranges => new ScalarValue(checked((long)Math.Min(Ranges.Count, (ulong)(ScalarValue.Max.Milli / ScalarValue.Scale)) * ScalarValue.Scale)),
        _ => new ScalarValue(Set.Count * ScalarValue.Scale),
    };

    public static Resource OfScalar(string name, double value, string role = RoleName.Default) =>
        OfScalar(name, ScalarValue.FromDouble(value), role);

    public static Resource OfScalar(string name, ScalarValue value, string role = RoleName.Default) =>
        new(name, ResourceKind.Scalar, value, RangeSet.Empty, ItemSet.Empty, StaticStack(role), null, null, false, false);

    public static Resource OfRanges(string name, RangeSet ranges, string role = RoleName.Default) =>
        new(name, ResourceKind.Ranges, ScalarValue.Zero, ranges, ItemSet.Empty, StaticStack(role), null, null, false, false);

    public static Resource OfSet(string name, ItemSet items, string role = RoleName.Default) =>
        new(name, ResourceKind.Set, ScalarValue.Zero, RangeSet.Empty, items, StaticStack(role), null, null, false, false);

    public Resource WithScalar(ScalarValue value) => Copy(scalar: value);
    public Resource WithRanges(RangeSet ranges) => Copy(ranges: ranges);
    public Resource WithSet(ItemSet set) => Copy(set: set);
    public Resource WithReservations(ImmutableArray<Reservation> stack) => Copy(reservations: stack);
    public Resource PushReservation(Reservation reservation) => Copy(reservations: Reservations.Add(reservation));
    public Resource PopReservation() =>
        IsReserved ? Copy(reservations: Reservations.RemoveAt(Reservations.Length - 1)) : throw new ResourceInvariantException($"{Name} is not reserved");
    public Resource WithAllocation(string? role) => role == AllocationRole ? this : Copy(allocationRole: role, clearAllocation: role is null);
    public Resource WithDisk(DiskInfo? disk) => Copy(disk: disk, clearDisk: disk is null);
    public Resource AsRevocable(bool revocable = true) => Copy(revocable: revocable);
    public Resource AsShared(bool shared = true) => Copy(shared: shared);

    /// <summary>Same name, kind and metadata: the two can be added to or subtracted from each other.</summary>
    public bool SameIdentity(Resource other) =>
        Name == other.Name && Kind == other.Kind && AllocationRole == other.AllocationRole &&
        Revocable == other.Revocable && Shared == other.Shared && Equals(Disk, other.Disk) &&
        Reservations.AsSpan().SequenceEqual(other.Reservations.AsSpan());

    /// <summary>Resources reserved for <paramref name="role"/> or an ancestor of it, or unreserved, may be offered to it.</summary>
    public bool IsAllocatableTo(string role)
    {
        if (IsUnreserved) return true;
        var owner = ReservationRole;
        return owner == role || RoleName.IsStrictSubrole(role, owner);
    }

    internal bool ValueContains(Resource other) => Kind switch
    {
        ResourceKind.Scalar => Scalar >= other.Scalar,
        ResourceKind.Ranges => Ranges.Contains(other.Ranges),
        _ => Set.Contains(other.Set),
    };

    internal Resource AddValue(Resource other) => Kind switch
    {
        ResourceKind.Scalar => WithScalar(Scalar + other.Scalar),
        ResourceKind.Ranges => WithRanges(Ranges.Add(other.Ranges)),
        _ => WithSet(Set.Add(other.Set)),
    };

    internal Resource UnionValue(Resource other) => Kind switch
    {
        ResourceKind.Scalar => WithScalar(Scalar + other.Scalar),
        ResourceKind.Ranges => WithRanges(Ranges.Union(other.Ranges)),
        _ => WithSet(Set.Union(other.Set)),
    };

    internal Resource SubtractValue(Resource other) => Kind switch
    {
        // The constructor refuses a negative result: this is the "after subtraction" invariant check.
        ResourceKind.Scalar => WithScalar(Scalar - other.Scalar),
        ResourceKind.Ranges => WithRanges(Ranges.Subtract(other.Ranges)),
        _ => WithSet(Set.Subtract(other.Set)),
    };

    private static ImmutableArray<Reservation> StaticStack(string role) =>
        role == RoleName.Default ? ImmutableArray<Reservation>.Empty : [Reservation.Static(role)];

    private Resource Copy(ScalarValue? scalar = null, RangeSet? ranges = null, ItemSet? set = null,
        ImmutableArray<Reservation>? reservations = null, string? allocationRole = null, bool clearAllocation = false,
        DiskInfo? disk = null, bool clearDisk = false, bool? revocable = null, bool? shared = null) =>
        new(Name, Kind, scalar ?? Scalar, ranges ?? Ranges, set ?? Set, reservations ?? Reservations,
            clearAllocation ? null : allocationRole ?? AllocationRole, clearDisk ? null : disk ?? Disk,
            revocable ?? Revocable, shared ?? Shared);

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            throw new ResourceInvariantException("resource name must not be empty");
        if (Kind == ResourceKind.Scalar && Scalar.Milli < 0)
            throw new ResourceInvariantException($"{Name} must not be negative (is {Scalar})");
        if (Kind == ResourceKind.Scalar && Name == ResourceNames.Gpus && Scalar.Milli % ScalarValue.Scale != 0)
            throw new ResourceInvariantException($"gpus must be a whole number (is {Scalar})");
        var expected = Name switch
        {
            ResourceNames.Cpus or ResourceNames.Mem or ResourceNames.Disk or ResourceNames.Gpus => ResourceKind.Scalar,
            ResourceNames.Ports => ResourceKind.Ranges,
            _ => Kind,
        };
        if (Kind != expected)
            throw new ResourceInvariantException($"{Name} must be {expected.ToString().ToUpperInvariant()}, not {Kind.ToString().ToUpperInvariant()}");
        if (Disk is not null && Name != ResourceNames.Disk)
            throw new ResourceInvariantException($"disk info is only allowed on 'disk', not on '{Name}'");
        if (AllocationRole is not null && RoleName.Validate(AllocationRole) is { } bad)
            throw new ResourceInvariantException($"allocation_info.role: {bad}");
        ValidateReservations();
    }

    private void ValidateReservations()
    {
        for (var i = 0; i < Reservations.Length; i++)
        {
            var r = Reservations[i];
            if (r.Role == RoleName.Default)
                throw new ResourceInvariantException($"{Name}: cannot reserve for role '*'");
            if (RoleName.Validate(r.Role) is { } bad)
                throw new ResourceInvariantException($"{Name}: reservation role: {bad}");
            if (i > 0 && r.Type == ReservationType.Static)
                throw new ResourceInvariantException($"{Name}: a static reservation can only be at the bottom of the stack");
            if (i > 0 && !RoleName.IsStrictSubrole(r.Role, Reservations[i - 1].Role))
                throw new ResourceInvariantException(
                    $"{Name}: refined reservation role '{r.Role}' must be a subrole of '{Reservations[i - 1].Role}'");
        }
    }

    public bool Equals(Resource? other) =>
        other is not null && SameIdentity(other) && Kind switch
        {
            ResourceKind.Scalar => Scalar == other.Scalar,
            ResourceKind.Ranges => Ranges.Equals(other.Ranges),
            _ => Set.Equals(other.Set),
        };

    public override bool Equals(object? obj) => Equals(obj as Resource);

    public override int GetHashCode() => HashCode.Combine(Name, Kind, Scalar, Ranges, Set, ReservationRole, AllocationRole);

    /// <summary>The agent <c>--resources</c> text form: <c>cpus(ops):4</c>, <c>ports:[31000-32000]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Name);
        if (IsReserved) sb.Append('(').Append(ReservationRole).Append(')');
        if (Disk?.PersistenceId is { } id) sb.Append("[volume ").Append(id).Append(']');
        sb.Append(':').Append(Kind switch
        {
            ResourceKind.Scalar => Scalar.ToString(),
            ResourceKind.Ranges => Ranges.ToString(),
            _ => Set.ToString(),
        });
        return sb.ToString();
    }
}
