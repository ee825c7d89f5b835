using System.Runtime.InteropServices;

namespace Tessera.Jobs.Config;

/// <summary>kill(2) on a process or a whole process group; a process already gone is not an error here.</summary>
internal static class ProcessGroups
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code, and
    // two ints need no marshalling at all.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillRaw(int pid, int signal);

    public static void Signal(int pid, int signal) => _ = KillRaw(pid, signal);

    /// <summary>Signals every process of the group led by <paramref name="leader"/>.</summary>
    public static void SignalGroup(int leader, int signal) => _ = KillRaw(-leader, signal);
}
