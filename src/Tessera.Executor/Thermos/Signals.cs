using System.Runtime.InteropServices;

namespace Tessera.Executor.Thermos;

/// <summary>
/// kill(2) on a process or a process group (a process's whole tree, not just its <c>sh</c>). Also the
/// jobs scheduler's config evaluation uses it.
/// </summary>
public static class Signals
{
    public const int SIGTERM = 15;
    public const int SIGKILL = 9;

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code, and
    // two ints need no marshalling at all.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillRaw(int pid, int signal);

    /// <summary>Signals one process; false when it is gone (or not ours).</summary>
    public static bool Kill(int pid, int signal) => pid > 1 && KillRaw(pid, signal) == 0;

    /// <summary>Signals every process of the group led by <paramref name="pgid"/>; false when none is left.</summary>
    public static bool KillGroup(int pgid, int signal) => pgid > 1 && KillRaw(-pgid, signal) == 0;
}
