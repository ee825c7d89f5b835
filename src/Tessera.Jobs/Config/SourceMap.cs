using System.Collections.Immutable;

namespace Tessera.Jobs.Config;

/// <summary>
/// Field path (<c>task.processes[0]</c>) → where that object was created. Kept beside a
/// <see cref="JobConfig"/> rather than inside it, so two configs with the same content are equal
/// whatever file they came from.
/// </summary>
public sealed record SourceMap(ImmutableDictionary<string, SourceLocation> Locations)
{
    public static readonly SourceMap Empty = new(ImmutableDictionary<string, SourceLocation>.Empty);

    /// <summary>The location of the nearest object enclosing <paramref name="path"/>.</summary>
    public SourceLocation? Locate(string path)
    {
        var current = path;
        while (true)
        {
            if (Locations.TryGetValue(current, out var location))
                return location;
            if (current.Length == 0)
                return null;
            current = Parent(current);
        }
    }

    internal static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }
}
