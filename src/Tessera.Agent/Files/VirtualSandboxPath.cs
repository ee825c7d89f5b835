namespace Tessera.Agent.Files;

/// <summary>
/// Mesos' virtual sandbox paths, <c>/frameworks/&lt;fw&gt;/executors/&lt;ex&gt;/runs/&lt;run|latest&gt;[/sub/path]</c>,
/// mapped to <c>&lt;slaves&gt;/&lt;agent&gt;/frameworks/…</c> on the host. The result is an ordinary
/// host path that still goes through <see cref="SandboxPath"/>.
/// </summary>
internal sealed record VirtualSandboxPath(string FrameworkId, string ExecutorId, string Run, string Rest)
{
    public const string Latest = "latest";

    public static VirtualSandboxPath? Parse(string? requested)
    {
        if (requested is null || !requested.StartsWith("/frameworks/", StringComparison.Ordinal)) return null;
        var parts = requested.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 6 || parts[0] != "frameworks" || parts[2] != "executors" || parts[4] != "runs") return null;
        return new VirtualSandboxPath(parts[1], parts[3], parts[5], string.Join('/', parts.Skip(6)));
    }

    /// <summary>The host path, with <paramref name="run"/> standing for the run (the latest one resolved by the caller).</summary>
    public string HostPath(string slavesDir, string agentId, string run)
    {
        var path = Path.Join(slavesDir, agentId, "frameworks", FrameworkId, "executors", ExecutorId, "runs", run);
        return Rest.Length == 0 ? path : Path.Join(path, Rest);
    }

    /// <summary>The newest run folder of the executor (by modification time), when no live task names one.</summary>
    public string? NewestRun(string slavesDir, string agentId)
    {
        var runs = Path.Join(slavesDir, agentId, "frameworks", FrameworkId, "executors", ExecutorId, "runs");
        try
        {
            return new DirectoryInfo(runs).EnumerateDirectories()
                .Where(d => d.Name != Latest && d.LinkTarget is null)
                .OrderByDescending(d => d.LastWriteTimeUtc)
                .FirstOrDefault()?.Name;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
