using System.Globalization;
using Tessera.Core.Resources;

namespace Tessera.Cli.Run;

/// <summary>What one instance of <c>tessera run</c> asks for, in the role it runs as.</summary>
internal sealed record ResourceAsk(double Cpus, double Mem, double Disk, int Ports, string Role)
{
    /// <summary>The kinds asked for (non-zero), in a fixed order.</summary>
    public IEnumerable<string> Kinds()
    {
        if (Cpus > 0) yield return ResourceNames.Cpus;
        if (Mem > 0) yield return ResourceNames.Mem;
        if (Disk > 0) yield return ResourceNames.Disk;
        if (Ports > 0) yield return ResourceNames.Ports;
    }

    public double Amount(string kind) => kind switch
    {
        ResourceNames.Cpus => Cpus,
        ResourceNames.Mem => Mem,
        ResourceNames.Disk => Disk,
        ResourceNames.Ports => Ports,
        _ => 0,
    };

    /// <summary>A kind and amount as people read them: <c>cpus 0.5</c>, <c>mem 128 MB</c>, <c>ports 2</c>.</summary>
    public static string Named(string kind, double amount) => $"{kind} {Format(kind, amount)}";

    /// <summary>An amount with its unit: <c>0.5</c>, <c>128 MB</c>, <c>2</c>.</summary>
    public static string Format(string kind, double amount) => kind switch
    {
        ResourceNames.Mem or ResourceNames.Disk => string.Create(CultureInfo.InvariantCulture, $"{amount:0.##} MB"),
        _ => amount.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
