namespace Tessera.Agent.Containerizer;

/// <summary>Waits for a process that isn't our child (a container re-attached after an agent restart).</summary>
internal static class ProcessWatch
{
    /// <summary>Completes when <paramref name="pid"/> is gone or is no longer the process that started at <paramref name="startTime"/>.</summary>
    public static async Task WaitForExitAsync(int pid, string? startTime, CancellationToken ct = default)
    {
        var start = startTime ?? StartTime(pid);
        // Polling: a re-attached launcher is not our child, so there is no wait(2) for it, and a
        // few checks a second are nothing next to a task's lifetime.
        while (start is not null && Signals.Kill(pid, 0) && StartTime(pid) == start)
            await Task.Delay(100, ct);
    }

    /// <summary>Field 22 of /proc/PID/stat: tells a reused pid from the process we knew.</summary>
    public static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
