using System.Globalization;

namespace Tessera.Benchmarks;

/// <summary>Tiny <c>--name value</c> reader for the console benchmark modes.</summary>
internal sealed class BenchArgs(string[] args)
{
    public int Int(string name, int fallback, int least = 1)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length
            || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < least)
            throw new ArgumentException($"{name} needs a whole number of at least {least}");
        return v;
    }
}
