namespace Tessera.Agent.Gc;

/// <summary>How full the filesystem of the work dir is, 0–1 (used blocks over all blocks, as Mesos' <c>fs::usage</c>); null when it can't be read.</summary>
internal static class DiskUsage
{
    public static double? Of(string workDir)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(workDir));
            if (drive.TotalSize <= 0) return null;
            return Math.Clamp((drive.TotalSize - drive.TotalFreeSpace) / (double)drive.TotalSize, 0.0, 1.0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
