namespace Tessera.Agent.Files;

/// <summary>Mesos' <c>FileInfo</c> of <c>/files/browse</c>: the path as asked, link count, size, mtime, mode text and owner names.</summary>
internal sealed record SandboxFileInfo(string Path, uint Nlink, long Size, long Mtime, string Mode, string Uid, string Gid)
{
    public static SandboxFileInfo Of(string path, FileStat stat) =>
        new(path, stat.Nlink, stat.Size, stat.MtimeSeconds, FileModeText.Format(stat.Mode), UnixAccounts.User(stat.Uid), UnixAccounts.Group(stat.Gid));
}
