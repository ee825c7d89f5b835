namespace Tessera.Agent.Fetcher;

/// <summary>Unix permission bits of fetched files (no-ops where the OS has none).</summary>
internal static class FileModes
{
    /// <summary>rwxrwxrwx: what an archive may set; setuid, setgid and sticky are dropped.</summary>
    public const UnixFileMode Permissions = (UnixFileMode)0x1FF;

    /// <summary>rw-r--r--.</summary>
    public const UnixFileMode Default = (UnixFileMode)0x1A4;

    private const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static UnixFileMode Get(string path) => OperatingSystem.IsWindows() ? Default : File.GetUnixFileMode(path);

    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode & Permissions);
    }

    public static void MakeExecutable(string path) => Set(path, Get(path) | Execute);
}
