namespace Tessera.Agent.Fetcher;

/// <summary>The archives the fetcher extracts, told by the file name as Mesos' fetcher does.</summary>
internal enum ArchiveKind
{
    Tar,
    TarGzip,
    Zip,

    /// <summary>A single gzip-compressed file (<c>x.gz</c> → <c>x</c>).</summary>
    Gzip,
}

/// <summary>Maps a file name to the archive it is, if any.</summary>
internal static class ArchiveKinds
{
    public static ArchiveKind? Of(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        if (name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal)) return ArchiveKind.TarGzip;
        if (name.EndsWith(".tar", StringComparison.Ordinal)) return ArchiveKind.Tar;
        if (name.EndsWith(".zip", StringComparison.Ordinal)) return ArchiveKind.Zip;
        if (name.EndsWith(".gz", StringComparison.Ordinal)) return ArchiveKind.Gzip;
        return null;
    }
}
