using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Tessera.Agent.Files;

/// <summary>
/// The few Linux calls .NET doesn't offer: <c>statx</c> (type, link count, owner, inode) and
/// <c>open</c> with <c>O_NOFOLLOW|O_NONBLOCK</c> (a symlink swapped in refuses, a FIFO doesn't block).
/// <c>struct statx</c> has the same layout on every architecture.
/// </summary>
internal static class UnixFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    /// <summary>O_NOFOLLOW differs between architectures.</summary>
    private static int ONoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>lstat: the file itself, a symlink not followed; null when it doesn't exist or can't be seen.</summary>
    public static FileStat? Lstat(string path)
    {
        var buffer = new byte[256];
        return Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) == 0 ? Decode(buffer) : null;
    }

    /// <summary>fstat of an open handle.</summary>
    public static FileStat? Fstat(SafeFileHandle handle)
    {
        var buffer = new byte[256];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var fd = (int)handle.DangerousGetHandle();
            return Statx(fd, "", AtEmptyPath, StatxBasicStats, buffer) == 0 ? Decode(buffer) : null;
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    /// <summary>Opens for reading without following a final symlink and without blocking on a FIFO; null on failure.</summary>
    public static SafeFileHandle? OpenForReading(string path)
    {
        var fd = Open(path, ONoFollow | ONonBlock | OCloExec);
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    private static FileStat Decode(ReadOnlySpan<byte> b) => new(
        Mode: BinaryPrimitives.ReadUInt16LittleEndian(b[28..]),
        Nlink: BinaryPrimitives.ReadUInt32LittleEndian(b[16..]),
        Uid: BinaryPrimitives.ReadUInt32LittleEndian(b[20..]),
        Gid: BinaryPrimitives.ReadUInt32LittleEndian(b[24..]),
        Size: (long)BinaryPrimitives.ReadUInt64LittleEndian(b[40..]),
        MtimeSeconds: BinaryPrimitives.ReadInt64LittleEndian(b[112..]),
        Device: ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(b[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(b[140..]),
        Inode: BinaryPrimitives.ReadUInt64LittleEndian(b[32..]));
}
