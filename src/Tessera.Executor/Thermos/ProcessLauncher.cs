using System.Diagnostics;

namespace Tessera.Executor.Thermos;

/// <summary>
/// Starts one run of a process: <c>setsid sh -c script</c> in the sandbox, so the run leads its own
/// process group (signalled as a whole). The script sends stdin from /dev/null and stdout/stderr to
/// the run's log files, sources <c>.thermos_profile</c> if the sandbox has one, then runs the cmdline.
/// </summary>
public static class ProcessLauncher
{
    /// <summary>A started run: its pid (= process group) and its exit status (128 + n for signal n).</summary>
    public sealed record Run(int Pid, Task<int> Exit);

    /// <summary>Starts run <paramref name="run"/> of <paramref name="process"/>.</summary>
    public static Run Start(string sandbox, ThermosProcess process, int run, CancellationToken ct)
    {
        var logs = ProcessLogs.Prepare(sandbox, process.Name, run);
        var script = $"""
            exec </dev/null >{Quote(Path.Combine(logs, "stdout"))} 2>{Quote(Path.Combine(logs, "stderr"))}
            if [ -f ./.thermos_profile ]; then . ./.thermos_profile; fi
            {process.Cmdline}
            """;
        var info = new ProcessStartInfo("setsid") { WorkingDirectory = sandbox, UseShellExecute = false };
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["THERMOS_PROCESS"] = process.Name;
        info.Environment["THERMOS_RUN"] = run.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var child = Process.Start(info) ?? throw new InvalidOperationException("setsid did not start");
        return new Run(child.Id, WaitAsync(child, ct));
    }

    private static async Task<int> WaitAsync(Process child, CancellationToken ct)
    {
        using (child)
        {
            await child.WaitForExitAsync(ct).ConfigureAwait(false);
            return child.ExitCode;
        }
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
