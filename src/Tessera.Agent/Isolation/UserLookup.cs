using System.Runtime.InteropServices;

namespace Tessera.Agent.Isolation;

/// <summary>getpwnam(3) and chown(2): is a user known on this host, and handing a sandbox to it.</summary>
internal static class UserLookup
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Passwd
    {
        public IntPtr Name;
        public IntPtr Password;
        public uint Uid;
        public uint Gid;
        public IntPtr Gecos;
        public IntPtr Dir;
        public IntPtr Shell;
    }

    [DllImport("libc", EntryPoint = "getpwnam", SetLastError = true)]
    private static extern IntPtr GetPwNam([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
    private static extern int LChown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint uid, uint gid);

    [DllImport("libc", EntryPoint = "getgrouplist", SetLastError = true)]
    private static extern int GetGroupList([MarshalAs(UnmanagedType.LPUTF8Str)] string user, uint group, [In, Out] uint[] groups, ref int count);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();

    public static bool IsRoot => GetEuid() == 0;

    /// <summary>The user's supplementary groups (its primary group included), as initgroups(3) would set them.</summary>
    public static IReadOnlyList<uint> Groups(string name, uint gid)
    {
        var count = 32;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var groups = new uint[count];
            var asked = count;
            if (GetGroupList(name, gid, groups, ref count) >= 0) return groups[..count];
            if (count <= asked) count = asked * 2;
        }
        return [gid];
    }

    /// <summary>(uid, gid) of the user, or null when the host has no such user.</summary>
    public static (uint Uid, uint Gid)? Find(string name)
    {
        // A user name from the network: refuse anything getpwnam shouldn't see.
        if (name.Length is 0 or > 64 || name.Any(c => char.IsControl(c) || c is '/' or ':')) return null;
        var entry = GetPwNam(name);
        if (entry == IntPtr.Zero) return null;
        var passwd = Marshal.PtrToStructure<Passwd>(entry);
        return (passwd.Uid, passwd.Gid);
    }

    /// <summary>Gives <paramref name="dir"/> and everything under it to the user (symlinks themselves, never their targets).</summary>
    public static void ChownTree(string dir, uint uid, uint gid)
    {
        if (LChown(dir, uid, gid) != 0) throw new IOException($"chown {dir}: errno {Marshal.GetLastPInvokeError()}");
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            LChown(entry.FullName, uid, gid);
    }
}
