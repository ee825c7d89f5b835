namespace Tessera.Agent.Files;

/// <summary>What <c>statx(2)</c> tells about one file, without following a final symlink.</summary>
internal sealed record FileStat(uint Mode, uint Nlink, uint Uid, uint Gid, long Size, long MtimeSeconds, ulong Device, ulong Inode)
{
    private const uint TypeMask = 0xF000;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;
    public bool IsRegularFile => (Mode & TypeMask) == 0x8000;
    public bool IsSymlink => (Mode & TypeMask) == 0xA000;

    /// <summary>The same file system object (device and inode).</summary>
    public bool SameObject(FileStat other) => Device == other.Device && Inode == other.Inode;
}
