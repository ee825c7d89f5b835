using System.Collections.Immutable;
using System.Text;

namespace Tessera.Core.Resources;

/// <summary>
/// Amounts by resource name with no metadata (Mesos' <c>ResourceQuantities</c>): what DRF shares,
/// quota and filters compare. Scalars are their value; ranges and sets count their elements.
/// Entries are sorted by name and never zero. Subtraction saturates at zero, as in Mesos.
/// </summary>
public sealed class ResourceQuantities : IEquatable<ResourceQuantities>
{
    public static readonly ResourceQuantities Empty = new(ImmutableArray<KeyValuePair<string, ScalarValue>>.Empty);

    private ResourceQuantities(ImmutableArray<KeyValuePair<string, ScalarValue>> entries) => Entries = entries;

    /// <summary>Sorted by name (ordinal), all values positive.</summary>
    public ImmutableArray<KeyValuePair<string, ScalarValue>> Entries { get; }

    public bool IsEmpty => Entries.IsEmpty;

    public static ResourceQuantities Of(ResourceSet resources)
    {
        // A handful of names: a sorted array beats a dictionary here, and this runs per agent per cycle.
        var entries = new List<KeyValuePair<string, ScalarValue>>(resources.Count);
        foreach (var r in resources.Items)
        {
            var i = entries.FindIndex(e => e.Key == r.Name);
            if (i < 0) entries.Add(new(r.Name, r.Quantity));
            else entries[i] = new(r.Name, entries[i].Value + r.Quantity);
        }
        entries.RemoveAll(static e => e.Value.IsZero);
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return entries.Count == 0 ? Empty : new ResourceQuantities([.. entries]);
    }

    public static ResourceQuantities Of(params (string Name, double Value)[] entries)
    {
        var map = new SortedDictionary<string, ScalarValue>(StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            var v = ScalarValue.FromDouble(value);
            if (v.Milli < 0) throw new ResourceInvariantException($"{name} must not be negative (is {v})");
            map[name] = map.GetValueOrDefault(name) + v;
        }
        return FromSorted(map);
    }

    /// <summary>Parses <c>cpus:1;mem:32</c> (scalars only).</summary>
    public static ResourceQuantities Parse(string text)
    {
        var set = ResourceTextParser.Parse(text);
        foreach (var r in set)
            if (r.Kind != ResourceKind.Scalar || r.IsReserved)
                throw new ResourceParseException(text, 0, text, $"quantities accept unreserved scalars only, not '{r}'");
        return set.Quantities;
    }

    public ScalarValue this[string name]
    {
        get
        {
            foreach (var e in Entries)
                if (e.Key == name)
                    return e.Value;
            return ScalarValue.Zero;
        }
    }

    public IEnumerable<string> Names => Entries.Select(e => e.Key);

    public static ResourceQuantities operator +(ResourceQuantities a, ResourceQuantities b) => Merge(a, b, static (x, y) => x + y);

    /// <summary>Saturating subtraction: a name never goes below zero.</summary>
    public static ResourceQuantities operator -(ResourceQuantities a, ResourceQuantities b) =>
        Merge(a, b, static (x, y) => x > y ? x - y : ScalarValue.Zero);

    /// <summary>Every amount of <paramref name="other"/> is at most the same amount here.</summary>
    public bool Contains(ResourceQuantities other)
    {
        int i = 0, j = 0;
        var a = Entries;
        var b = other.Entries;
        while (j < b.Length)
        {
            while (i < a.Length && string.CompareOrdinal(a[i].Key, b[j].Key) < 0) i++;
            if (i == a.Length || a[i].Key != b[j].Key || a[i].Value < b[j].Value) return false;
            j++;
        }
        return true;
    }

    /// <summary>Drops the listed names (used for fair-sharing exclusions such as gpus).</summary>
    public ResourceQuantities Without(IReadOnlySet<string> names) =>
        names.Count == 0 ? this : new([.. Entries.Where(e => !names.Contains(e.Key))]);

    private static ResourceQuantities Merge(ResourceQuantities a, ResourceQuantities b, Func<ScalarValue, ScalarValue, ScalarValue> op)
    {
        if (b.IsEmpty) return a;
        var result = ImmutableArray.CreateBuilder<KeyValuePair<string, ScalarValue>>(a.Entries.Length + b.Entries.Length);
        int i = 0, j = 0;
        while (i < a.Entries.Length || j < b.Entries.Length)
        {
            int cmp = i == a.Entries.Length ? 1 : j == b.Entries.Length ? -1 : string.CompareOrdinal(a.Entries[i].Key, b.Entries[j].Key);
            var name = cmp <= 0 ? a.Entries[i].Key : b.Entries[j].Key;
            var x = cmp <= 0 ? a.Entries[i++].Value : ScalarValue.Zero;
            var y = cmp >= 0 ? b.Entries[j++].Value : ScalarValue.Zero;
            var v = op(x, y);
            if (v.Milli < 0) throw new ResourceInvariantException($"{name} would be negative ({v})");
            if (!v.IsZero) result.Add(new(name, v));
        }
        return new ResourceQuantities(result.ToImmutable());
    }

    private static ResourceQuantities FromSorted(SortedDictionary<string, ScalarValue> map) =>
        new([.. map.Where(e => !e.Value.IsZero)]);

    public bool Equals(ResourceQuantities? other) => other is not null && Entries.AsSpan().SequenceEqual(other.Entries.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as ResourceQuantities);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var e in Entries) hash.Add(e);
        return hash.ToHashCode();
    }

    /// <summary><c>cpus:0.5; mem:128</c>.</summary>
    public override string ToString()
    {
        if (IsEmpty) return "{}";
        var sb = new StringBuilder();
        foreach (var e in Entries)
        {
            if (sb.Length > 0) sb.Append("; ");
            sb.Append(e.Key).Append(':').Append(e.Value);
        }
        return sb.ToString();
    }
}
