using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Tessera.Agent.Fetcher;

/// <summary>
/// Extracts tar, tar.gz/tgz, zip and single-file gzip archives into a directory, entry by entry,
/// refusing anything that would write outside it: absolute names, <c>..</c> segments, symbolic or
/// hard links whose target leaves it, and writes through a link an earlier entry planted. Device
/// files and FIFOs are refused too. Returns null when done, otherwise why it stopped.
/// </summary>
internal sealed class ArchiveExtractor(long maxBytes)
{
    private long _written;

    public async Task<string?> ExtractAsync(string archive, ArchiveKind kind, string destination, CancellationToken ct)
    {
        try
        {
            await using var file = File.OpenRead(archive);
            return kind switch
            {
                ArchiveKind.Tar => await ExtractTarAsync(file, destination, ct),
                ArchiveKind.TarGzip => await ExtractTarAsync(new GZipStream(file, CompressionMode.Decompress), destination, ct),
                ArchiveKind.Zip => await ExtractZipAsync(file, destination, ct),
                _ => await GunzipAsync(file, archive, destination, ct),
            };
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            return $"extracting '{Path.GetFileName(archive)}' failed: {e.Message}";
        }
    }

    private async Task<string?> ExtractTarAsync(Stream stream, string destination, CancellationToken ct)
    {
        await using var reader = new TarReader(stream);
        while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            if (entry.EntryType is TarEntryType.GlobalExtendedAttributes) continue;
            var target = SandboxPaths.Resolve(destination, entry.Name);
            if (target is null) return Refused(entry.Name, "it would be written outside the sandbox");
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    if (await WriteAsync(entry.DataStream ?? Stream.Null, target, entry.Mode, ct) is { } tooBig) return tooBig;
                    break;
                case TarEntryType.SymbolicLink:
                    if (!SandboxPaths.LinkStaysInside(destination, target, entry.LinkName)) return Refused(entry.Name, $"its link target '{entry.LinkName}' leaves the sandbox");
                    Link(target, entry.LinkName);
                    break;
                case TarEntryType.HardLink:
                    // Copied rather than linked: a hard link to a file outside can't be made, and one inside needs no sharing.
                    if (SandboxPaths.Resolve(destination, entry.LinkName) is not { } source || !File.Exists(source) || new FileInfo(source).LinkTarget is not null)
                        return Refused(entry.Name, $"its hard link target '{entry.LinkName}' is not a file extracted into the sandbox");
                    await using (var from = File.OpenRead(source))
                        if (await WriteAsync(from, target, FileModes.Get(source), ct) is { } linkTooBig) return linkTooBig;
                    break;
                default:
                    return Refused(entry.Name, $"entries of type {entry.EntryType} are not extracted");
            }
        }
        return null;
    }

    private async Task<string?> ExtractZipAsync(Stream stream, string destination, CancellationToken ct)
    {
        await using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            var target = SandboxPaths.Resolve(destination, entry.FullName);
            if (target is null) return Refused(entry.FullName, "it would be written outside the sandbox");
            var unixMode = (entry.ExternalAttributes >> 16) & 0xFFFF;
            if (entry.FullName.EndsWith('/'))
            {
                Directory.CreateDirectory(target);
                continue;
            }
            await using var data = await entry.OpenAsync(ct);
            if ((unixMode & 0xF000) == 0xA000)
            {
                using var text = new StreamReader(data, Encoding.UTF8);
                var linkTarget = await text.ReadToEndAsync(ct);
                if (!SandboxPaths.LinkStaysInside(destination, target, linkTarget)) return Refused(entry.FullName, $"its link target '{linkTarget}' leaves the sandbox");
                Link(target, linkTarget);
                continue;
            }
            var mode = unixMode == 0 ? FileModes.Default : (UnixFileMode)unixMode;
            if (await WriteAsync(data, target, mode, ct) is { } tooBig) return tooBig;
        }
        return null;
    }

    private async Task<string?> GunzipAsync(Stream stream, string archive, string destination, CancellationToken ct)
    {
        var name = Path.GetFileName(archive)[..^3];
        if (SandboxPaths.Resolve(destination, name) is not { } target) return Refused(name, "it would be written outside the sandbox");
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        return await WriteAsync(gzip, target, FileModes.Get(archive), ct);
    }

    private async Task<string?> WriteAsync(Stream data, string target, UnixFileMode mode, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        SandboxPaths.RemoveLink(target);
        await using (var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = await data.ReadAsync(buffer, ct)) > 0)
            {
                _written += n;
                if (_written > maxBytes) return $"the archive extracts to more than {maxBytes} bytes";
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }
        FileModes.Set(target, mode);
        return null;
    }

    private static void Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) || new FileInfo(path).LinkTarget is not null) File.Delete(path);
        File.CreateSymbolicLink(path, target);
    }

    private static string Refused(string entry, string why) => $"refused archive entry '{entry}': {why}";
}
