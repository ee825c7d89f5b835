using System.Collections.Immutable;

namespace Tessera.Core.Allocation;

/// <summary>The allocator's flags, with Mesos' defaults.</summary>
public sealed record AllocatorOptions
{
    public static readonly AllocatorOptions Default = new();

    public SorterKind RoleSorter { get; init; } = SorterKind.Drf;
    public SorterKind FrameworkSorter { get; init; } = SorterKind.Drf;
    public MinAllocatable MinAllocatable { get; init; } = MinAllocatable.Default;

    /// <summary>Names left out of DRF shares (<c>--fair_sharing_excluded_resource_names</c>, e.g. gpus).</summary>
    public ImmutableHashSet<string> FairSharingExcludedNames { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary><c>--filter_gpu_resources</c>: only GPU-capable frameworks are offered agents that have GPUs.</summary>
    public bool FilterGpuResources { get; init; } = true;

    /// <summary>Seed of the agent shuffle and the random sorter; combined with the cycle number.</summary>
    public int Seed { get; init; }
}
