using System.Collections.Immutable;

namespace Tessera.Jobs.Scheduling;

/// <summary>Attribute names with a meaning to placement.</summary>
public static class PlacementAttributes
{
    /// <summary>The agent's hostname, whether or not the agent declares it.</summary>
    public const string Host = "host";

    /// <summary>Agents carrying it take only jobs whose <c>dedicated</c> constraint matches it.</summary>
    public const string Dedicated = "dedicated";

    /// <summary>The value of <paramref name="attribute"/> for an agent, or null when it has none.</summary>
    public static string? Value(string attribute, string hostname, ImmutableSortedDictionary<string, string> attributes)
    {
        if (attribute == Host)
            return hostname;
        return attributes is not null && attributes.TryGetValue(attribute, out var value) ? value : null;
    }
}
