using System.Collections.Immutable;
using System.Text;

namespace Tessera.Core.Resources;

/// <summary>
/// An immutable, normalised set of integer ranges: sorted, non-overlapping, adjacent ranges
/// coalesced (<c>[1-5,6-8]</c> is stored as <c>[1-8]</c>), so equality is structural.
/// </summary>
public sealed class RangeSet : IEquatable<RangeSet>
{
    public static readonly RangeSet Empty = new(ImmutableArray<ValueRange>.Empty);

    private RangeSet(ImmutableArray<ValueRange> ranges) => Ranges = ranges;

    public ImmutableArray<ValueRange> Ranges { get; }

    public bool IsEmpty => Ranges.IsEmpty;

    /// <summary>Number of integers covered (ports count as one each).</summary>
    public ulong Count
    {
        get
        {
            ulong n = 0;
            foreach (var r in Ranges)
                n += r.Count;
            return n;
        }
    }

    /// <summary>Builds a set from ranges given in any order; overlapping input is an invariant violation.</summary>
    public static RangeSet Of(IEnumerable<ValueRange> ranges)
    {
        var sorted = ranges.ToArray();
        foreach (var r in sorted)
            if (r.Begin > r.End)
                throw new ResourceInvariantException($"range {r.Begin}-{r.End} has begin greater than end");
        Array.Sort(sorted, (a, b) => a.Begin.CompareTo(b.Begin));
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i].Begin <= sorted[i - 1].End)
                throw new ResourceInvariantException($"ranges {sorted[i - 1]} and {sorted[i]} overlap");
        return new RangeSet(Coalesce(sorted));
    }

    public static RangeSet Of(params ValueRange[] ranges) => Of((IEnumerable<ValueRange>)ranges);

    public bool Contains(ulong value)
    {
        foreach (var r in Ranges)
            if (r.Contains(value))
                return true;
        return false;
    }

    /// <summary>True when every integer of <paramref name="other"/> is in this set.</summary>
    public bool Contains(RangeSet other)
    {
        var i = 0;
        foreach (var o in other.Ranges)
        {
            while (i < Ranges.Length && Ranges[i].End < o.Begin)
                i++;
            if (i == Ranges.Length || Ranges[i].Begin > o.Begin || Ranges[i].End < o.End)
                return false;
        }
        return true;
    }

    public bool Overlaps(RangeSet other)
    {
        foreach (var a in Ranges)
            foreach (var b in other.Ranges)
                if (a.Begin <= b.End && b.Begin <= a.End)
                    return true;
        return false;
    }

    /// <summary>Union of disjoint sets; an overlap would count an integer twice and is refused.</summary>
    public RangeSet Add(RangeSet other)
    {
        if (other.IsEmpty) return this;
        if (IsEmpty) return other;
        if (Overlaps(other))
            throw new ResourceInvariantException($"ranges {this} and {other} overlap");
        return Of(Ranges.Concat(other.Ranges));
    }

    /// <summary>Union that allows overlaps: only for summaries over several agents (see <see cref="ResourceSet.AcrossAgents"/>).</summary>
    public RangeSet Union(RangeSet other)
    {
        if (other.IsEmpty) return this;
        if (IsEmpty) return other;
        var sorted = Ranges.Concat(other.Ranges).OrderBy(r => r.Begin).ToList();
        var merged = new List<ValueRange> { sorted[0] };
        foreach (var r in sorted.Skip(1))
        {
            var last = merged[^1];
            if (r.Begin <= last.End) merged[^1] = last with { End = Math.Max(last.End, r.End) };
            else merged.Add(r);
        }
        return Of(merged);
    }

    /// <summary>Removes <paramref name="other"/>, which must be contained.</summary>
    public RangeSet Subtract(RangeSet other)
    {
        if (!Contains(other))
            throw new ResourceInvariantException($"ranges {this} do not contain {other}");
        var result = new List<ValueRange>(Ranges.Length + other.Ranges.Length);
        foreach (var r in Ranges)
        {
            var pieces = new List<ValueRange> { r };
            foreach (var o in other.Ranges)
                pieces = Cut(pieces, o);
            result.AddRange(pieces);
        }
        return new RangeSet(result.ToImmutableArray());
    }

    private static List<ValueRange> Cut(List<ValueRange> pieces, ValueRange hole)
    {
        var next = new List<ValueRange>(pieces.Count + 1);
        foreach (var p in pieces)
        {
            if (hole.End < p.Begin || hole.Begin > p.End)
            {
                next.Add(p);
                continue;
            }
            if (hole.Begin > p.Begin) next.Add(new ValueRange(p.Begin, hole.Begin - 1));
            if (hole.End < p.End) next.Add(new ValueRange(hole.End + 1, p.End));
        }
        return next;
    }

    /// <summary>The first <paramref name="count"/> integers of the set, in ascending order.</summary>
    public RangeSet Take(ulong count)
    {
        var taken = new List<ValueRange>();
        foreach (var r in Ranges)
        {
            if (count == 0) break;
            var n = Math.Min(count, r.Count);
            taken.Add(new ValueRange(r.Begin, r.Begin + n - 1));
            count -= n;
        }
        return new RangeSet(taken.ToImmutableArray());
    }

    private static ImmutableArray<ValueRange> Coalesce(ValueRange[] sorted)
    {
        var builder = ImmutableArray.CreateBuilder<ValueRange>(sorted.Length);
        foreach (var r in sorted)
        {
            if (builder.Count > 0 && builder[^1].End != ulong.MaxValue && builder[^1].End + 1 == r.Begin)
                builder[^1] = new ValueRange(builder[^1].Begin, r.End);
            else
                builder.Add(r);
        }
        return builder.ToImmutable();
    }

    public bool Equals(RangeSet? other) => other is not null && Ranges.AsSpan().SequenceEqual(other.Ranges.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as RangeSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var r in Ranges) hash.Add(r);
        return hash.ToHashCode();
    }

    /// <summary>Mesos' text form: <c>[31000-32000, 40000-40010]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < Ranges.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(Ranges[i].Begin).Append('-').Append(Ranges[i].End);
        }
        return sb.Append(']').ToString();
    }
}
