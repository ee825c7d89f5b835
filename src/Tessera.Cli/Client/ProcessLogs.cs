using System.Globalization;
using Tessera.Core.Protocol;

namespace Tessera.Cli.Client;

/// <summary>
/// Where a Thermos process' own output is: <c>.logs/&lt;process&gt;/&lt;run&gt;/stdout|stderr</c> in
/// the executor's sandbox (docs/thermos-executor.md), the latest run (the highest number). An
/// unknown process is exit 1 listing the processes that have logs.
/// </summary>
internal static class ProcessLogs
{
    /// <summary>A process name that can be a folder under <c>.logs</c>. Pure.</summary>
    public static bool IsName(string name) =>
        name.Length is > 0 and <= 255 && name is not ("." or "..") && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The latest run's <paramref name="file"/> of <paramref name="process"/>, as a files API path.</summary>
    public static async Task<string> PathAsync(AgentFilesClient files, LocatedTask located, string process, string file, CancellationToken ct)
    {
        var task = located.Task;
        string? logs = null;
        IReadOnlyList<(string Name, bool IsDirectory)>? processes = null;
        foreach (var candidate in SandboxPath.Candidates(task, located.Executor, ".logs"))
            if ((processes = await files.BrowseAsync(candidate, ct)) is not null) { logs = candidate; break; }
        if (logs is null || processes is null)
            throw new CliException($"task '{task.TaskId.Value}' has no process logs (.logs) in its sandbox: --process is for tasks of the Thermos executor (Tessera Jobs)");
        var names = processes.Where(p => p.IsDirectory).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (!names.Contains(process, StringComparer.Ordinal))
            throw new CliException($"task '{task.TaskId.Value}' has no process '{process}'; its processes: {(names.Count == 0 ? "none yet" : string.Join(", ", names))}");
        var runs = await files.BrowseAsync($"{logs}/{process}", ct) ?? [];
        var latest = LatestRun(runs.Where(r => r.IsDirectory).Select(r => r.Name))
            ?? throw new CliException($"process '{process}' of task '{task.TaskId.Value}' has not run yet");
        return $"{logs}/{process}/{latest.ToString(CultureInfo.InvariantCulture)}/{file}";
    }

    /// <summary>The highest run number among folder names (others ignored); null when there is none. Pure.</summary>
    public static int? LatestRun(IEnumerable<string> names) =>
        names.Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var run) ? run : (int?)null)
            .Where(r => r is not null).Max();
}
