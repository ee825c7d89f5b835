using System.Collections.Immutable;
using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// <c>--min_allocatable_resources</c>: alternatives separated by <c>|</c>, each a set of minimum
/// quantities (<c>cpus:0.01|mem:32</c>). Resources are worth offering when they hold at least one
/// alternative in full; crumbs below every alternative stay put so no framework gets a useless offer.
/// </summary>
public sealed record MinAllocatable(ImmutableArray<ResourceQuantities> Alternatives)
{
    public static readonly MinAllocatable Default = Parse("cpus:0.01|mem:32");

    /// <summary>No minimum: any non-empty resources are offered.</summary>
    public static readonly MinAllocatable None = new(ImmutableArray<ResourceQuantities>.Empty);

    public static MinAllocatable Parse(string text)
    {
        var alternatives = text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(ResourceQuantities.Parse)
            .ToImmutableArray();
        if (alternatives.IsEmpty)
            throw new ResourceParseException(text, 0, text, "min_allocatable_resources needs at least one alternative");
        return new MinAllocatable(alternatives);
    }

    public bool IsSatisfiedBy(ResourceQuantities available)
    {
        if (available.IsEmpty) return false;
        if (Alternatives.IsEmpty) return true;
        foreach (var alternative in Alternatives)
            if (available.Contains(alternative))
                return true;
        return false;
    }

    public override string ToString() => string.Join(" | ", Alternatives);
}
