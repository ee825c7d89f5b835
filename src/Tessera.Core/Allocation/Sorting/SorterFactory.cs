using Tessera.Core.Resources;

namespace Tessera.Core.Allocation.Sorting;

/// <summary>Makes the sorter a level of the hierarchy uses, per <see cref="SorterKind"/>.</summary>
public static class SorterFactory
{
    public static ISorter Create(SorterKind kind, ResourceQuantities total, IReadOnlySet<string> excludedNames, Random random) =>
        kind switch
        {
            SorterKind.Drf => new DrfSorter(total, excludedNames),
            SorterKind.Random => new RandomSorter(random),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sorter"),
        };
}
