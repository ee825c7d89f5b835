using System.Globalization;
using Tessera.Core.Resources;

namespace Tessera.Agent.Resources;

/// <summary>
/// One machine as several agents (<c>tessera dev --agents N</c>). Each agent offers all the detected
/// cpus, as separate Mesos agents on one host would (cpu is shared through cgroup shares and
/// quota, so a task asking for 1 cpu runs on a 2-core machine whatever N is), but only 1/n of the
/// memory and disk (at least 32 MB of memory), which would otherwise be promised twice; and its own
/// slice of the port range, so agents on one machine never offer the same port.
/// </summary>
public static class ResourceShare
{
    public const int PortsPerAgent = 1000;

    /// <summary>Where the first agent's ports start by default (Mesos' default range begins here).</summary>
    public const int DefaultFirstPort = 31000;

    /// <summary>
    /// Agent <paramref name="index"/> of <paramref name="count"/> on this machine; the kinds named in
    /// <paramref name="given"/> (<c>--agent-resources</c>, without ports) replace the detected ones.
    /// </summary>
    public static ResourceSet For(
        string workDir, int index, int count, int firstPort = DefaultFirstPort, ResourceSet? given = null) =>
        Split(ResourceDetector.Local(workDir, gpus: 0), index, count, firstPort, given);

    /// <summary><see cref="For"/> of a machine with <paramref name="whole"/>. Pure.</summary>
    public static ResourceSet Split(
        ResourceSet whole, int index, int count, int firstPort = DefaultFirstPort, ResourceSet? given = null)
    {
        ArgumentNullException.ThrowIfNull(whole);
        if (count < 1 || index < 0 || index >= count)
            throw new ArgumentOutOfRangeException(nameof(index), $"agent {index} of {count}");
        if (given is not null && given.Any(r => r.Name == ResourceNames.Ports))
            throw new ArgumentException("ports are sliced per agent (--ports-from), not given", nameof(given));
        double Part(double value, double floor) => Math.Max(floor, Math.Floor(value / count));
        var first = firstPort + index * PortsPerAgent;
        var share = ResourceSet.Parse(string.Create(CultureInfo.InvariantCulture,
            $"cpus:{whole.Cpus};mem:{Part(whole.Mem, 32)};disk:{Part(whole.Disk, 0)};") +
            string.Create(CultureInfo.InvariantCulture, $"ports:[{first}-{first + PortsPerAgent - 1}]"));
        return ResourceDetector.Combine(given, share, RoleName.Default).Total;
    }
}
