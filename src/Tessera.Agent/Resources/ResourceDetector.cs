using System.Globalization;
using Tessera.Core.Resources;

namespace Tessera.Agent.Resources;

/// <summary>
/// What this machine offers when <c>--resources</c> doesn't say: cpus from the processor count
/// (which .NET already limits by cpuset and CFS quota), memory total minus a reserve (the larger of
/// 1 GB and 10 %, as Mesos leaves for the system), the work dir's free disk minus 10 % headroom,
/// ports 31000-32000, and <c>gpus</c> when <c>nvidia-smi</c> lists any. Anything given explicitly
/// wins, name by name. Resources without a role (detected, or given unreserved) are reserved to
/// <c>--default-role</c> when it isn't <c>*</c>.
/// </summary>
internal static class ResourceDetector
{
    public static ResourceSet Detect(string workDir, ResourceSet? given, string defaultRole = RoleName.Default, int gpus = 0) =>
        Combine(given, Local(workDir, gpus), defaultRole).Total;

    /// <summary><see cref="Detect"/> with GPU detection through <paramref name="commands"/>.</summary>
    public static async Task<DetectedResources> DetectAsync(string workDir, ResourceSet? given, string defaultRole, ICommandRunner commands, CancellationToken ct)
    {
        var gpus = given?.Any(r => r.Name == ResourceNames.Gpus) == true ? 0 : await GpuDetector.CountAsync(commands, ct);
        return Combine(given, Local(workDir, gpus), defaultRole);
    }

    /// <summary>This machine's resources, unreserved.</summary>
    public static ResourceSet Local(string workDir, int gpus)
    {
        var detected = ResourceSet.Of(
            Resource.OfScalar(ResourceNames.Cpus, Environment.ProcessorCount),
            Resource.OfScalar(ResourceNames.Mem, MemoryMb()),
            Resource.OfScalar(ResourceNames.Disk, DiskMb(workDir)),
            Resource.OfRanges(ResourceNames.Ports, RangeSet.Of(new ValueRange(31000, 32000))));
        return gpus > 0 ? detected + Resource.OfScalar(ResourceNames.Gpus, gpus) : detected;
    }

    /// <summary>Given wins name by name; the rest is detected; unreserved resources go to <paramref name="defaultRole"/>. Pure.</summary>
    public static DetectedResources Combine(ResourceSet? given, ResourceSet detected, string defaultRole)
    {
        var names = given?.Select(r => r.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var fromDetection = detected.Filter(r => !names.Contains(r.Name));
        var total = WithDefaultRole((given ?? ResourceSet.Empty) + fromDetection, defaultRole);
        return new DetectedResources(total, [.. fromDetection.Select(r => r.Name).Distinct(StringComparer.Ordinal)]);
    }

    public static ResourceSet WithDefaultRole(ResourceSet resources, string defaultRole) =>
        defaultRole == RoleName.Default
            ? resources
            : ResourceSet.Of(resources.Select(r => r.IsUnreserved ? r.PushReservation(Reservation.Static(defaultRole)) : r));

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
