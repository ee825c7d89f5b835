using System.Globalization;
using Tessera.Core.Protocol;

namespace Tessera.Master.Operator;

/// <summary>Sums and views over wire <see cref="Resource"/> lists, for role rows, metrics and the v0 JSON.</summary>
internal static class WireResources
{
    /// <summary>Scalar quantities by name, ordinal order.</summary>
    public static SortedDictionary<string, double> Scalars(IEnumerable<Resource>? resources)
    {
        var sums = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in resources ?? [])
            if (r.Type == ValueKind.SCALAR && r.Scalar is { } s)
                sums[r.Name] = Math.Round(sums.GetValueOrDefault(r.Name) + s.Value, 3);
        return sums;
    }

    public static IReadOnlyDictionary<string, ValueScalar>? ScalarMap(IEnumerable<Resource>? resources)
    {
        var sums = Scalars(resources);
        return sums.Count == 0 ? null : sums.ToDictionary(e => e.Key, e => new ValueScalar { Value = e.Value }, StringComparer.Ordinal);
    }

    /// <summary>The role a resource is reserved to (the top of its reservation stack), or <c>*</c>.</summary>
    public static string ReservationRole(Resource r) =>
        r.Reservations is { Count: > 0 } stack ? stack[^1].Role ?? "*" : r.Role ?? "*";

    public static bool IsReserved(Resource r) => ReservationRole(r) != "*";

    public static string? AllocationRole(Resource r) => r.AllocationInfo?.Role;

    /// <summary>
    /// The v0 flattened form: scalars summed, ranges as <c>[31000-32000, 33000-34000]</c>, sets as
    /// <c>{a, b}</c>; <c>cpus</c>, <c>gpus</c>, <c>mem</c> and <c>disk</c> always present.
    /// </summary>
    public static IReadOnlyList<(string Name, double? Number, string? Text)> Flatten(IEnumerable<Resource>? resources)
    {
        var scalars = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["cpus"] = 0, ["gpus"] = 0, ["mem"] = 0, ["disk"] = 0 };
        var ranges = new SortedDictionary<string, List<(ulong Begin, ulong End)>>(StringComparer.Ordinal);
        var sets = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var r in resources ?? [])
        {
            switch (r.Type)
            {
                case ValueKind.SCALAR when r.Scalar is { } s:
                    scalars[r.Name] = Math.Round(scalars.GetValueOrDefault(r.Name) + s.Value, 3);
                    break;
                case ValueKind.RANGES:
                    if (!ranges.TryGetValue(r.Name, out var list)) ranges[r.Name] = list = [];
                    list.AddRange((r.Ranges?.Range ?? []).Select(x => (x.Begin, x.End)));
                    break;
                case ValueKind.SET:
                    if (!sets.TryGetValue(r.Name, out var items)) sets[r.Name] = items = new(StringComparer.Ordinal);
                    items.UnionWith(r.Set?.Item ?? []);
                    break;
            }
        }
        var result = new List<(string, double?, string?)>();
        result.AddRange(scalars.Select(e => (e.Key, (double?)e.Value, (string?)null)));
        result.AddRange(ranges.Select(e => (e.Key, (double?)null, (string?)RangesText(e.Value))));
        result.AddRange(sets.Select(e => (e.Key, (double?)null, (string?)("{" + string.Join(", ", e.Value) + "}"))));
        return result;
    }

    private static string RangesText(List<(ulong Begin, ulong End)> ranges)
    {
        var merged = new List<(ulong Begin, ulong End)>();
        foreach (var (begin, end) in ranges.OrderBy(r => r.Begin))
        {
            if (merged.Count > 0 && begin <= merged[^1].End + 1)
                merged[^1] = (merged[^1].Begin, Math.Max(merged[^1].End, end));
            else
                merged.Add((begin, end));
        }
        return "[" + string.Join(", ", merged.Select(r => r.Begin.ToString(CultureInfo.InvariantCulture) + "-" + r.End.ToString(CultureInfo.InvariantCulture))) + "]";
    }
}
