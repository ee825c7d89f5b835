using System.Globalization;
using Tessera.Core.Resources;

namespace Tessera.Agent.Resources;

/// <summary>
/// One machine split into several agents (<c>tessera dev --agents N</c>): agent i of n gets 1/n of
/// the detected cpus, memory and disk (at least 0.1 cpu and 32 MB) and its own slice of the port
/// range, so agents on one machine never offer the same port and behave like separate machines.
/// </summary>
public static class ResourceShare
{
    public const int PortsPerAgent = 1000;

    /// <summary>Where the first agent's ports start by default (Mesos' default range begins here).</summary>
    public const int DefaultFirstPort = 31000;

    public static ResourceSet For(string workDir, int index, int count, int firstPort = DefaultFirstPort)
    {
        if (count < 1 || index < 0 || index >= count) throw new ArgumentOutOfRangeException(nameof(index), $"agent {index} of {count}");
        var whole = ResourceDetector.Local(workDir, gpus: 0);
        double Part(double value, double floor) => Math.Max(floor, Math.Floor(value / count * 100) / 100);
        var first = firstPort + index * PortsPerAgent;
        return ResourceSet.Parse(string.Create(CultureInfo.InvariantCulture,
            $"cpus:{Part(whole.Cpus, 0.1)};mem:{Math.Floor(Part(whole.Mem, 32))};disk:{Math.Floor(Part(whole.Disk, 0))};ports:[{first}-{first + PortsPerAgent - 1}]"));
    }
}
