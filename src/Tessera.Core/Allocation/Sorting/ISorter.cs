using Tessera.Core.Resources;

namespace Tessera.Core.Allocation.Sorting;

/// <summary>
/// Orders the clients of one level of the hierarchy (child roles, or frameworks of a role): the
/// client that should be offered resources next comes first. Mutated only between enumerations:
/// callers stop enumerating before they call <see cref="Allocate"/>.
/// </summary>
public interface ISorter
{
    int Count { get; }

    void Add(string client, double weight, ResourceQuantities allocation);

    bool Contains(string client);

    /// <summary>Adds <paramref name="delta"/> to the client's allocation and re-orders it.</summary>
    void Allocate(string client, ResourceQuantities delta);

    ResourceQuantities AllocationOf(string client);

    /// <summary>The client's weighted dominant share (0 for sorters that don't compute one).</summary>
    double ShareOf(string client);

    /// <summary>All clients, next-to-be-served first.</summary>
    IEnumerable<string> Sorted();
}
