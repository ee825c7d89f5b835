using System.Collections.Immutable;
using System.Globalization;
using Tessera.Jobs;

namespace Tessera.Cli.Client;

/// <summary>
/// <c>KEY[/INSTANCES]</c> as Aurora's client writes it: <c>cluster/role/env/name</c>, optionally
/// followed by <c>/0-2,5</c> (ranges and single instances, commas between). Pure.
/// </summary>
internal sealed record JobInstances(JobKey Key, ImmutableArray<int>? Instances)
{
    public static JobInstances Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is not (4 or 5))
            throw Usage($"'{text}' must be cluster/role/env/name, optionally followed by /INSTANCES such as /0-2,5");
        if (!JobKey.TryParse(string.Join('/', parts[..4]), out var key, out var error))
            throw Usage(error!);
        return new JobInstances(key!, parts.Length == 5 ? Ranges(parts[4], text) : null);
    }

    /// <summary><c>0-2,5</c> → 0, 1, 2, 5 (sorted, without repeats).</summary>
    public static ImmutableArray<int> Ranges(string text, string whole)
    {
        var result = new SortedSet<int>();
        foreach (var piece in text.Split(','))
        {
            var dash = piece.IndexOf('-', StringComparison.Ordinal);
            var first = dash < 0 ? piece : piece[..dash];
            var last = dash < 0 ? piece : piece[(dash + 1)..];
            if (!Number(first, out var from) || !Number(last, out var to))
                throw Usage($"'{whole}': instances '{text}' must be numbers and ranges such as 0-2,5");
            if (to < from)
                throw Usage($"'{whole}': range '{piece}' ends before it starts");
            if (to - from >= 100_000)
                throw Usage($"'{whole}': range '{piece}' is too large");
            for (var i = from; i <= to; i++) result.Add(i);
        }
        return [.. result];
    }

    private static bool Number(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static CliException Usage(string message) => new(message, TesseraCommand.ExitUsage);
}
