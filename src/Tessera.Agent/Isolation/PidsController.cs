using System.Globalization;
using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Isolation;

/// <summary>pids: how many processes the container has, and a cap when the agent sets one (<c>--cgroups-max-pids</c>).</summary>
internal sealed class PidsController : ICgroupController
{
    public string Name => "pids";

    public void Apply(string dir, int version, CgroupLimits limits)
    {
        if (limits.MaxPids is { } max) CgroupFiles.Write(dir, "pids.max", max.ToString(CultureInfo.InvariantCulture));
    }

    public ContainerUsage Collect(string dir, int version, ContainerUsage usage) =>
        usage with { Processes = (int?)CgroupFiles.ReadLong(dir, "pids.current") ?? usage.Processes };
}
