using System.Diagnostics;
using System.Text;

namespace Tessera.Master.Tests.Compat;

/// <summary>What an external process did: exit code (null when killed at the timeout), output and time taken.</summary>
internal sealed record ProcessResult(int? ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public bool TimedOut => ExitCode is null;

    public string Describe() =>
        $"exit={(TimedOut ? "killed at timeout" : ExitCode.ToString())} after {Elapsed.TotalSeconds:F1}s\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs a program with its own environment, collects its output, kills it (and its children) at the timeout.</summary>
internal static class ExternalProcess
{
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> args, TimeSpan timeout,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        int? exit;
        using (var cts = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cts.Token);
                exit = process.ExitCode;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                exit = null;
            }
        }
        clock.Stop();
        lock (stdout) lock (stderr) return new ProcessResult(exit, stdout.ToString(), stderr.ToString(), clock.Elapsed);
    }
}
