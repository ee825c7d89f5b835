namespace Tessera.Executor.Thermos;

/// <summary>
/// Log files of the runs: <c>&lt;sandbox&gt;/.logs/&lt;process&gt;/&lt;run&gt;/{stdout,stderr}</c>,
/// keeping the last <see cref="KeptRuns"/> runs of each process (older run folders are deleted
/// when a run starts). No size-based rotation within a run.
/// </summary>
public static class ProcessLogs
{
    /// <summary>How many runs' logs are kept per process.</summary>
    public const int KeptRuns = 5;

    /// <summary>The folder of run <paramref name="run"/> of <paramref name="process"/>, relative to the sandbox.</summary>
    public static string RunFolder(string process, int run) => Path.Combine(".logs", process, run.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Creates the run's folder and deletes those of runs older than the last <see cref="KeptRuns"/>.</summary>
    public static string Prepare(string sandbox, string process, int run)
    {
        var folder = RunFolder(process, run);
        Directory.CreateDirectory(Path.Combine(sandbox, folder));
        foreach (var old in Directory.EnumerateDirectories(Path.Combine(sandbox, ".logs", process)))
        {
            if (int.TryParse(Path.GetFileName(old), out var n) && n <= run - KeptRuns)
            {
                try { Directory.Delete(old, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        return folder;
    }
}
