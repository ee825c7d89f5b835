using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Resource = Tessera.Core.Protocol.Resource;
using WireRange = Tessera.Core.Protocol.ValueRange;

namespace Tessera.Cli.Run;

/// <summary>
/// Resources taken out of an offer for one instance: what the task gets (with the offer's roles,
/// reservations and allocation info kept), what is left for the next instance, and the ports taken.
/// Only plain resources are used: no persistent volumes, mounted disks, revocable or shared ones. Pure.
/// </summary>
internal sealed record OfferTake(IReadOnlyList<Resource> Taken, IReadOnlyList<Resource> Left, IReadOnlyList<ulong> Ports)
{
    /// <summary>The ask taken from <paramref name="offered"/>, or null when it doesn't fit.</summary>
    public static OfferTake? From(IReadOnlyList<Resource> offered, ResourceAsk ask)
    {
        var left = offered.ToList();
        var taken = new List<Resource>();
        foreach (var kind in new[] { ResourceNames.Cpus, ResourceNames.Mem, ResourceNames.Disk })
            if (!OfferResources.TakeScalar(left, taken, kind, ask.Amount(kind))) return null;
        var ports = TakePorts(left, taken, ask.Ports);
        return ports is null ? null : new OfferTake(taken, left, ports);
    }

    private static List<ulong>? TakePorts(List<Resource> left, List<Resource> taken, int count)
    {
        var ports = new List<ulong>();
        for (var i = 0; i < left.Count && ports.Count < count; i++)
        {
            var r = left[i];
            if (r.Name != ResourceNames.Ports || r.Type != ValueKind.RANGES || r.Ranges?.Range is not { } ranges || !OfferResources.Usable(r)) continue;
            var mine = new List<ulong>();
            foreach (var range in ranges)
                for (var p = range.Begin; p <= range.End && ports.Count + mine.Count < count; p++)
                    mine.Add(p);
            if (mine.Count == 0) continue;
            ports.AddRange(mine);
            taken.Add(r with { Ranges = new ValueRanges { Range = [.. Compact(mine)] } });
            var rest = Subtract(ranges, mine);
            if (rest.Count > 0) left[i] = r with { Ranges = new ValueRanges { Range = rest } };
            else left.RemoveAt(i--);
        }
        return ports.Count == count ? ports : null;
    }

    private static IEnumerable<WireRange> Compact(IEnumerable<ulong> ports)
    {
        WireRange? current = null;
        foreach (var p in ports.Order())
        {
            if (current is not null && p == current.End + 1) { current = current with { End = p }; continue; }
            if (current is not null) yield return current;
            current = WireRange.Of(p, p);
        }
        if (current is not null) yield return current;
    }

    private static List<WireRange> Subtract(IReadOnlyList<WireRange> ranges, IReadOnlyList<ulong> taken)
    {
        var set = taken.ToHashSet();
        var rest = new List<WireRange>();
        foreach (var range in ranges)
        {
            var begin = range.Begin;
            while (begin <= range.End && set.Contains(begin)) begin++;
            if (begin > range.End) continue;
            // Ports are taken from the front of each range, so what remains is one tail.
            rest.Add(WireRange.Of(begin, range.End));
        }
        return rest;
    }

    /// <summary>Mesos scalars are fixed-point with three decimals.</summary>
}
