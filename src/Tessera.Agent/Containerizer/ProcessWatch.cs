namespace Tessera.Agent.Containerizer;

/// <summary>Waits for a process that isn't our child (a container re-attached after an agent restart, or one whose launch server died).</summary>
internal static class ProcessWatch
{
    /// <summary>
    /// Completes when <paramref name="pid"/> is gone, a zombie, or no longer the process that
    /// started at <paramref name="startTime"/>. A zombie counts as gone: an orphan's reaper may
    /// be slow or absent (an agent in a container whose pid 1 doesn't reap).
    /// </summary>
    public static async Task WaitForExitAsync(int pid, string? startTime, CancellationToken ct = default)
    {
        var start = startTime ?? StartTime(pid);
        // Polling: such a process is not our child, so there is no wait(2) for it, and a few
        // checks a second are nothing next to a task's lifetime.
        while (start is not null && Read(pid) is { } now && now.StartTime == start && now.State is not ('Z' or 'X'))
            await Task.Delay(100, ct);
    }

    /// <summary>Field 22 of /proc/PID/stat: tells a reused pid from the process we knew.</summary>
    public static string? StartTime(int pid) => Read(pid)?.StartTime;

    /// <summary>State (field 3) and start time (field 22) of a /proc/PID/stat text, or null when it has too few fields. Pure.</summary>
    public static (char State, string StartTime)? ParseStat(string stat)
    {
        // The command name (field 2) is in parentheses and may contain spaces or ')': split after its last ')'.
        var close = stat.LastIndexOf(')');
        if (close < 0 || close + 2 > stat.Length) return null;
        var fields = stat[(close + 2)..].Split(' ');
        return fields.Length > 19 && fields[0].Length == 1 ? (fields[0][0], fields[19]) : null;
    }

    private static (char State, string StartTime)? Read(int pid)
    {
        try
        {
            return ParseStat(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
