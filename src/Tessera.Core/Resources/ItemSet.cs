using System.Collections.Immutable;

namespace Tessera.Core.Resources;

/// <summary>An immutable sorted set of text items, the value of a SET resource such as <c>{a,b,c}</c>.</summary>
public sealed class ItemSet : IEquatable<ItemSet>
{
    public static readonly ItemSet Empty = new(ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal));

    private ItemSet(ImmutableSortedSet<string> items) => Items = items;

    public ImmutableSortedSet<string> Items { get; }

    public int Count => Items.Count;

    public bool IsEmpty => Items.IsEmpty;

    public static ItemSet Of(IEnumerable<string> items)
    {
        var set = Empty.Items;
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item))
                throw new ResourceInvariantException("set items must not be empty");
            if (set.Contains(item))
                throw new ResourceInvariantException($"set item '{item}' appears twice");
            set = set.Add(item);
        }
        return new ItemSet(set);
    }

    public static ItemSet Of(params string[] items) => Of((IEnumerable<string>)items);

    public bool Contains(ItemSet other) => other.Items.IsSubsetOf(Items);

    public ItemSet Add(ItemSet other)
    {
        if (Items.Overlaps(other.Items))
            throw new ResourceInvariantException($"sets {this} and {other} share items");
        return new ItemSet(Items.Union(other.Items));
    }

    /// <summary>Union that allows shared items: only for summaries over several agents (see <see cref="ResourceSet.AcrossAgents"/>).</summary>
    public ItemSet Union(ItemSet other) => new(Items.Union(other.Items));

    public ItemSet Subtract(ItemSet other)
    {
        if (!Contains(other))
            throw new ResourceInvariantException($"set {this} does not contain {other}");
        return new ItemSet(Items.Except(other.Items));
    }

    public bool Equals(ItemSet? other) => other is not null && Items.SetEquals(other.Items);

    public override bool Equals(object? obj) => Equals(obj as ItemSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var i in Items) hash.Add(i, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    public override string ToString() => "{" + string.Join(", ", Items) + "}";
}
