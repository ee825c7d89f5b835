using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Isolation;

/// <summary>What a container's cgroups are set to.</summary>
internal sealed record CgroupLimits(double Cpus, double MemMb, bool CfsQuota = false, long? MaxPids = null);

/// <summary>One cgroup controller: sets its limits in a container's cgroup and reads its counters, in v1 or v2 form.</summary>
internal interface ICgroupController
{
    /// <summary>The v1 name (also the key in <see cref="CgroupMounts"/>).</summary>
    string Name { get; }

    void Apply(string dir, int version, CgroupLimits limits);

    ContainerUsage Collect(string dir, int version, ContainerUsage usage);
}
