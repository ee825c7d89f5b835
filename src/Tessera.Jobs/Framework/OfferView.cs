using System.Collections.Immutable;
using System.Globalization;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Framework;

/// <summary>A Mesos offer as placement sees it: summed plain scalars, port ranges, attributes as text (pure).</summary>
public static class OfferView
{
    public static PlacementOffer Of(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var resources = (offer.Resources ?? []).Where(r => r.Revocable is null && r.Shared is null && r.Disk is null && r.ProviderId is null).ToList();
        double Sum(string name) => resources.Where(r => r.Name == name && r.Type == ValueKind.SCALAR).Sum(r => r.Scalar?.Value ?? 0);
        var ports = resources
            .Where(r => r.Name == ResourceNames.Ports && r.Type == ValueKind.RANGES)
            .SelectMany(r => r.Ranges?.Range ?? [])
            .Select(g => new PortRange((int)g.Begin, (int)g.End))
            .OrderBy(g => g.Begin)
            .ToImmutableArray();
        return new PlacementOffer(offer.Id.Value, offer.AgentId.Value, offer.Hostname, Attributes(offer.Attributes),
            Sum(ResourceNames.Cpus), (long)Math.Floor(Sum(ResourceNames.Mem) + 1e-9), (long)Math.Floor(Sum(ResourceNames.Disk) + 1e-9),
            Sum(ResourceNames.Gpus), ports);
    }

    /// <summary>Agent attributes as text: TEXT as is, SCALAR as a number, SET and RANGES joined with commas.</summary>
    public static ImmutableSortedDictionary<string, string> Attributes(IReadOnlyList<AgentAttribute>? attributes)
    {
        var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var a in attributes ?? [])
        {
            map[a.Name] = a.Type switch
            {
                ValueKind.TEXT => a.Text?.Value ?? "",
                ValueKind.SCALAR => (a.Scalar?.Value ?? 0).ToString("0.###", CultureInfo.InvariantCulture),
                ValueKind.SET => string.Join(',', a.Set?.Item ?? []),
                _ => string.Join(',', (a.Ranges?.Range ?? []).Select(g => $"{g.Begin}-{g.End}")),
            };
        }
        return map.ToImmutable();
    }
}
