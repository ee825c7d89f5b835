using System.Globalization;
using Tessera.Core.Resources;

namespace Tessera.Agent.Resources;

/// <summary>
/// What this machine offers when <c>--resources</c> doesn't say: cpus from the processor count
/// (which .NET already limits by cpuset and CFS quota), memory total minus a reserve (the larger of
/// 1 GB and 10 %, as Mesos leaves for the system), the work dir's free disk minus 10 % headroom,
/// and ports 31000-32000. Anything given explicitly wins, name by name.
/// </summary>
internal static class ResourceDetector
{
    public static ResourceSet Detect(string workDir, ResourceSet? given)
    {
        var detected = ResourceSet.Of(
            Resource.OfScalar(ResourceNames.Cpus, Environment.ProcessorCount),
            Resource.OfScalar(ResourceNames.Mem, MemoryMb()),
            Resource.OfScalar(ResourceNames.Disk, DiskMb(workDir)),
            Resource.OfRanges(ResourceNames.Ports, RangeSet.Of(new ValueRange(31000, 32000))));
        if (given is null) return detected;
        var names = given.Select(r => r.Name).ToHashSet();
        return given + detected.Filter(r => !names.Contains(r.Name));
    }

    public static double MemoryMb()
    {
        var totalMb = MemInfoMb("MemTotal") ?? 1024;
        var reserve = Math.Max(1024, totalMb * 0.1);
        return Math.Max(32, Math.Floor(totalMb - reserve));
    }

    public static double DiskMb(string workDir)
    {
        Directory.CreateDirectory(workDir);
        var free = new DriveInfo(Path.GetFullPath(workDir)).AvailableFreeSpace / (1024.0 * 1024);
        return Math.Max(0, Math.Floor(free * 0.9));
    }

    private static double? MemInfoMb(string key)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
        }
        return null;
    }
}
