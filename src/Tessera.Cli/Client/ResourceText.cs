using System.Globalization;
using Tessera.Core.Resources;
using Wire = Tessera.Core.Protocol;

namespace Tessera.Cli.Client;

/// <summary>Resources as the CLI prints them (pure): "cpus 1/4  mem 128/4096" and "cpus:1; mem:128".</summary>
internal static class ResourceText
{
    private static readonly string[] Kinds = [ResourceNames.Cpus, ResourceNames.Mem, ResourceNames.Disk, ResourceNames.Gpus];

    /// <summary><c>cpus 1/4  mem 128/4096  disk 0/10000</c>: used of total per scalar kind the total has (gpus only when there are some).</summary>
    public static string UsedOfTotal(IReadOnlyList<Wire.Resource>? used, IReadOnlyList<Wire.Resource>? total)
    {
        var u = ResourceWireForm.FromWire(used ?? []);
        var t = ResourceWireForm.FromWire(total ?? []);
        var parts = Kinds
            .Where(k => t.Scalar(k).Value > 0 || (k != ResourceNames.Gpus && u.Scalar(k).Value > 0))
            .Select(k => $"{k} {Number(u.Scalar(k).Value)}/{Number(t.Scalar(k).Value)}");
        return string.Join("  ", parts);
    }

    /// <summary>The resources in the agent's <c>--resources</c> text form, or "-" when there are none.</summary>
    public static string Of(IReadOnlyList<Wire.Resource>? resources)
    {
        var set = ResourceWireForm.FromWire(resources ?? []);
        return set.IsEmpty ? "-" : string.Join("; ", set.Items.Select(r => r.ToString()));
    }

    /// <summary>A quota map (<c>{"cpus":{"value":2}}</c>) as <c>cpus:2;mem:1024</c>, or "-".</summary>
    public static string Of(IReadOnlyDictionary<string, Wire.ValueScalar>? quantities) =>
        quantities is null || quantities.Count == 0
            ? "-"
            : string.Join(";", quantities.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key}:{Number(q.Value.Value)}"));

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
