using System.Collections;
using System.Collections.Immutable;

namespace Tessera.Core.Resources;

/// <summary>
/// An immutable bag of resources (Mesos' <c>Resources</c>): normalised so that resources with the
/// same identity are merged (two <c>cpus:1</c> become <c>cpus:2</c>) and empty ones dropped, except
/// atomic ones (persistent volumes, shared resources), which are kept whole. Subtracting what is not
/// held throws <see cref="ResourceInvariantException"/>: the invariant is checked after every subtraction.
/// </summary>
public sealed class ResourceSet : IEquatable<ResourceSet>, IReadOnlyList<Resource>
{
    public static readonly ResourceSet Empty = new(ImmutableArray<Resource>.Empty);

    private ResourceQuantities? _quantities;

    private ResourceSet(ImmutableArray<Resource> items) => Items = items;

    public ImmutableArray<Resource> Items { get; }

    public int Count => Items.Length;

    public bool IsEmpty => Items.IsEmpty;

    public Resource this[int index] => Items[index];

    public static ResourceSet Of(IEnumerable<Resource> resources)
    {
        var builder = new List<Resource>();
        foreach (var r in resources)
            AddInto(builder, r);
        return new ResourceSet([.. builder]);
    }

    public static ResourceSet Of(params Resource[] resources) => Of((IEnumerable<Resource>)resources);

    /// <summary>
    /// A total over resources of several agents (a framework's or role's allocation, its offers):
    /// scalars add, ranges and sets are unioned. Port 31000 on two agents is two ports, but a
    /// summary can only list it once (Mesos sums the same way); the disjointness check of
    /// <see cref="Of(IEnumerable{Resource})"/> holds only within one agent and would refuse this.
    /// </summary>
    public static ResourceSet AcrossAgents(IEnumerable<Resource> resources)
    {
        var builder = new List<Resource>();
        foreach (var r in resources)
        {
            if (r.IsEmpty) continue;
            var i = r.IsAtomic ? -1 : builder.FindIndex(b => !b.IsAtomic && b.SameIdentity(r));
            if (i >= 0) builder[i] = builder[i].UnionValue(r);
            else builder.Add(r);
        }
        return new ResourceSet([.. builder]);
    }

    /// <summary>Parses the agent text form or the JSON array form; see <see cref="ResourceTextParser"/>.</summary>
    public static ResourceSet Parse(string text, string defaultRole = RoleName.Default) => ResourceTextParser.Parse(text, defaultRole);

    public static ResourceSet operator +(ResourceSet a, ResourceSet b) => a.Add(b);

    public static ResourceSet operator -(ResourceSet a, ResourceSet b) => a.Subtract(b);

    public static ResourceSet operator +(ResourceSet a, Resource b) => a.Add(Of(b));

    public static ResourceSet operator -(ResourceSet a, Resource b) => a.Subtract(Of(b));

    public ResourceSet Add(ResourceSet other)
    {
        if (other.IsEmpty) return this;
        if (IsEmpty) return other;
        var builder = new List<Resource>(Items.Length + other.Items.Length);
        builder.AddRange(Items);
        foreach (var r in other.Items)
            AddInto(builder, r);
        return new ResourceSet([.. builder]);
    }

    /// <summary>Removes <paramref name="other"/>; throws when it is not contained.</summary>
    public ResourceSet Subtract(ResourceSet other) =>
        ReferenceEquals(this, other) ? Empty :
        TrySubtract(other, out var result, out var missing)
            ? result
            : throw new ResourceInvariantException($"cannot subtract {missing} from {this}");

    public bool TrySubtract(ResourceSet other, out ResourceSet result) => TrySubtract(other, out result, out _);

    public bool Contains(ResourceSet other) => TrySubtract(other, out _, out _);

    public bool Contains(Resource resource) => Contains(Of(resource));

    public ResourceSet Filter(Func<Resource, bool> predicate)
    {
        var all = true;
        foreach (var r in Items)
            all &= predicate(r);
        if (all) return this;
        var builder = ImmutableArray.CreateBuilder<Resource>(Items.Length);
        foreach (var r in Items)
            if (predicate(r))
                builder.Add(r);
        return builder.Count == Items.Length ? this : new ResourceSet(builder.ToImmutable());
    }

    public ResourceSet Unreserved() => Filter(static r => r.IsUnreserved);

    public ResourceSet Reserved() => Filter(static r => r.IsReserved);

    /// <summary>Resources whose reservation is owned by exactly <paramref name="role"/>.</summary>
    public ResourceSet ReservedTo(string role) => Filter(r => r.IsReserved && r.ReservationRole == role);

    /// <summary>Unreserved resources plus those reserved to <paramref name="role"/> or an ancestor of it.</summary>
    public ResourceSet AllocatableTo(string role)
    {
        // Hot in every allocation cycle: no closure unless something must be left out.
        foreach (var r in Items)
            if (!r.IsAllocatableTo(role))
                return Filter(x => x.IsAllocatableTo(role));
        return this;
    }

    public ResourceSet Named(string name) => Filter(r => r.Name == name);

    public ResourceSet Scalars() => Filter(static r => r.Kind == ResourceKind.Scalar);

    public ResourceSet Revocable() => Filter(static r => r.Revocable);

    public ResourceSet NonRevocable() => Filter(static r => !r.Revocable);

    public ResourceSet PersistentVolumes() => Filter(static r => r.Disk?.IsPersistentVolume ?? false);

    /// <summary>Drops the reservation stacks: the same amounts, all unreserved.</summary>
    public ResourceSet Flatten() => Of(Items.Select(static r => r.IsReserved ? r.WithReservations([]) : r));

    /// <summary>Marks every resource as allocated to <paramref name="role"/> (<c>allocation_info.role</c>).</summary>
    public ResourceSet AllocatedTo(string role) => Of(Items.Select(r => r.WithAllocation(role)));

    public ResourceSet WithoutAllocation() => Of(Items.Select(static r => r.WithAllocation(null)));

    /// <summary>Quantities by name: scalars summed, ranges and sets counted. Cached: sets are immutable.</summary>
    public ResourceQuantities Quantities => _quantities ??= ResourceQuantities.Of(this);

    public ScalarValue Scalar(string name)
    {
        var sum = ScalarValue.Zero;
        foreach (var r in Items)
            if (r.Kind == ResourceKind.Scalar && r.Name == name)
                sum += r.Scalar;
        return sum;
    }

    public double Cpus => Scalar(ResourceNames.Cpus).Value;
    public double Mem => Scalar(ResourceNames.Mem).Value;
    public double Disk => Scalar(ResourceNames.Disk).Value;
    public double Gpus => Scalar(ResourceNames.Gpus).Value;

    public RangeSet Ranges(string name)
    {
        var all = RangeSet.Empty;
        foreach (var r in Items)
            if (r.Kind == ResourceKind.Ranges && r.Name == name)
                all = all.Add(r.Ranges);
        return all;
    }

    public RangeSet Ports => Ranges(ResourceNames.Ports);

    public bool Equals(ResourceSet? other) =>
        other is not null && (ReferenceEquals(this, other) || (Count == other.Count && Contains(other) && other.Contains(this)));

    public override bool Equals(object? obj) => Equals(obj as ResourceSet);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var r in Items) hash ^= r.GetHashCode();
        return hash;
    }

    /// <summary>The agent text form, e.g. <c>cpus:4; mem:8192; ports:[31000-32000]</c>.</summary>
    public override string ToString() => IsEmpty ? "{}" : string.Join("; ", Items);

    public IEnumerator<Resource> GetEnumerator() => ((IEnumerable<Resource>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static void AddInto(List<Resource> items, Resource r)
    {
        if (r.IsEmpty) return;
        if (!r.IsAtomic)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (!items[i].IsAtomic && items[i].SameIdentity(r))
                {
                    items[i] = items[i].AddValue(r);
                    return;
                }
            }
        }
        items.Add(r);
    }

    private bool TrySubtract(ResourceSet other, out ResourceSet result, out Resource? missing)
    {
        result = this;
        missing = null;
        if (other.IsEmpty) return true;
        var items = new List<Resource>(Items);
        foreach (var r in other.Items)
        {
            if (!TryRemove(items, r))
            {
                missing = r;
                return false;
            }
        }
        result = new ResourceSet([.. items]);
        return true;
    }

    private static bool TryRemove(List<Resource> items, Resource r)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var held = items[i];
            if (r.IsAtomic || held.IsAtomic)
            {
                if (!held.Equals(r)) continue;
                items.RemoveAt(i);
                return true;
            }
            if (!held.SameIdentity(r) || !held.ValueContains(r)) continue;
            var left = held.SubtractValue(r);
            if (left.IsEmpty) items.RemoveAt(i);
            else items[i] = left;
            return true;
        }
        return false;
    }
}
