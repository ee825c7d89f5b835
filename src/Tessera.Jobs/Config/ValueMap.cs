using System.Collections;
using System.Collections.Immutable;

namespace Tessera.Jobs.Config;

/// <summary>An immutable string map, sorted by key, that compares by content.</summary>
public sealed class ValueMap : IReadOnlyDictionary<string, string>, IEquatable<ValueMap>
{
    public static readonly ValueMap Empty = new(ImmutableSortedDictionary<string, string>.Empty);

    private readonly ImmutableSortedDictionary<string, string> _items;

    public ValueMap(IEnumerable<KeyValuePair<string, string>> items) =>
        _items = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, items);

    public string this[string key] => _items[key];

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<string> Values => _items.Values;

    public int Count => _items.Count;

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, out string value) => _items.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueMap? other) => other is not null && _items.SequenceEqual(other._items);

    public override bool Equals(object? obj) => obj is ValueMap other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _items)
        {
            hash.Add(key);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "{" + string.Join(", ", _items.Select(kv => $"{kv.Key}: {kv.Value}")) + "}";
}
