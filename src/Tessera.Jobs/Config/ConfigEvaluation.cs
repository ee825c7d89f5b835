using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Tessera.Executor.Thermos;

namespace Tessera.Jobs.Config;

/// <summary>
/// One run of the prelude over a config: <c>python3 -I -S</c> in its own session (and cgroup when
/// one can be made), output bounded (<see cref="MaxResultBytes"/> of result, the last
/// <see cref="StderrTailBytes"/> of stderr), and on timeout everything it started is killed: the
/// supervisor (SIGTERM, then the process tree), its process group, its cgroup.
/// </summary>
internal static class ConfigEvaluation
{
    /// <summary>The largest result read: far above any real config's JSON.</summary>
    public const int MaxResultBytes = 64 * 1024 * 1024;

    /// <summary>How much of the end of stderr is kept for the error message.</summary>
    public const int StderrTailBytes = 16 * 1024;

    /// <summary>What the run left: its result (cut when too large), its stderr's tail, how it ended.</summary>
    public sealed record Outcome(string Result, long ResultBytes, string StderrTail, long StderrBytes, int ExitCode,
        bool TimedOut, string? StartError);

    public static async Task<Outcome> RunAsync(string path, ConfigLoadOptions options, string prelude,
        CancellationToken ct)
    {
        using var cgroup = EvaluationCgroup.TryCreate();
        var start = new ProcessStartInfo(options.Python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-I", "-S", "-c", prelude, path,
            options.MemoryLimitBytes.ToString(CultureInfo.InvariantCulture), cgroup?.Directory ?? "",
            MaxResultBytes.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception e)
        {
            return new("", 0, "", 0, -1, false, e.Message);
        }
        using (process)
        {
            process.StandardInput.Close();
            var result = OutputCapture.Head(MaxResultBytes);
            var stderr = OutputCapture.Tail(StderrTailBytes);
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var readers = Task.WhenAll(result.ReadAsync(process.StandardOutput.BaseStream, reading.Token),
                stderr.ReadAsync(process.StandardError.BaseStream, reading.Token));
            var timedOut = !await ExitedWithinAsync(process, options.Timeout, ct).ConfigureAwait(false);
            if (timedOut) await KillAllAsync(process, cgroup).ConfigureAwait(false);
            // After a normal exit too: the supervisor's session is its own process group, and a pid
            // is not reused while a group of that id has members, so this reaches only what is left of it.
            else Signals.KillGroup(process.Id, Signals.SIGKILL);
            cgroup?.Kill();
            // The supervisor killed what it started, so the pipes close; a second is plenty to drain them.
            await Task.WhenAny(readers, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None))
                .ConfigureAwait(false);
            await reading.CancelAsync().ConfigureAwait(false);
            await readers.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None,
                TaskScheduler.Default).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            return new(result.Text(), result.Total, stderr.Text(), stderr.Total, timedOut ? -1 : process.ExitCode,
                timedOut, null);
        }
    }

    private static async Task<bool> ExitedWithinAsync(Process process, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// SIGTERM lets the supervisor kill what it started; then SIGKILL to its tree, its group and its cgroup.
    /// </summary>
    private static async Task KillAllAsync(Process process, EvaluationCgroup? cgroup)
    {
        Signals.Kill(process.Id, Signals.SIGTERM);
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        // The tree first, while the supervisor still holds what it reparented; then the group and the cgroup.
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        Signals.KillGroup(process.Id, Signals.SIGKILL);
        cgroup?.Kill();
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
