using System.Collections.Immutable;
using System.Globalization;

namespace Tessera.Core.Resources;

/// <summary>
/// Upper bounds by resource name (Mesos' <c>ResourceLimits</c>), used for quota limits. Unlike
/// <see cref="ResourceQuantities"/>, zero is a real value here: a limit of <c>cpus:0</c> allows no
/// cpus, while a name that is absent is unlimited.
/// </summary>
public sealed class ResourceLimits : IEquatable<ResourceLimits>
{
    public static readonly ResourceLimits None = new(ImmutableSortedDictionary<string, ScalarValue>.Empty.WithComparers(StringComparer.Ordinal));

    private ResourceLimits(ImmutableSortedDictionary<string, ScalarValue> limits) => Entries = limits;

    public ImmutableSortedDictionary<string, ScalarValue> Entries { get; }

    public bool IsEmpty => Entries.IsEmpty;

    public static ResourceLimits Of(params (string Name, double Value)[] limits)
    {
        var map = None.Entries;
        foreach (var (name, value) in limits)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ResourceInvariantException("limit name must not be empty");
            var v = ScalarValue.FromDouble(value);
            if (v.Milli < 0) throw new ResourceInvariantException($"limit {name} must not be negative (is {v})");
            if (map.ContainsKey(name)) throw new ResourceInvariantException($"limit {name} is given twice");
            map = map.Add(name, v);
        }
        return new ResourceLimits(map);
    }

    /// <summary>Parses <c>cpus:4;mem:0</c>; every value a non-negative number.</summary>
    public static ResourceLimits Parse(string text)
    {
        var entries = new List<(string, double)>();
        var position = 0;
        foreach (var raw in text.Split(';'))
        {
            var token = raw.Trim();
            if (token.Length > 0)
            {
                var colon = token.IndexOf(':');
                if (colon <= 0 || !double.TryParse(token[(colon + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ||
                    !double.IsFinite(v) || v < 0)
                    throw new ResourceParseException(text, position, token, "a limit is 'name:value' with a non-negative number");
                entries.Add((token[..colon].Trim(), v));
            }
            position += raw.Length + 1;
        }
        try
        {
            return Of([.. entries]);
        }
        catch (ResourceInvariantException e)
        {
            throw new ResourceParseException(text, 0, text, e.Message);
        }
    }

    public static ResourceLimits From(ResourceQuantities quantities) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, quantities.Entries));

    public ScalarValue? this[string name] => Entries.TryGetValue(name, out var v) ? v : null;

    /// <summary>Every limited name of <paramref name="quantities"/> is within its limit.</summary>
    public bool Allows(ResourceQuantities quantities)
    {
        foreach (var (name, limit) in Entries)
            if (quantities[name] > limit)
                return false;
        return true;
    }

    public bool Equals(ResourceLimits? other) =>
        other is not null && Entries.Count == other.Entries.Count && Entries.All(e => other.Entries.TryGetValue(e.Key, out var v) && v == e.Value);

    public override bool Equals(object? obj) => Equals(obj as ResourceLimits);

    public override int GetHashCode() => Entries.Aggregate(0, (h, e) => h ^ HashCode.Combine(e.Key, e.Value));

    public override string ToString() => IsEmpty ? "{}" : string.Join("; ", Entries.Select(e => $"{e.Key}:{e.Value}"));
}
