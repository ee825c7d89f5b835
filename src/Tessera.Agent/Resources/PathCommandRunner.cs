using System.ComponentModel;
using System.Diagnostics;

namespace Tessera.Agent.Resources;

/// <summary>
/// Looks the tool up in <paramref name="searchPath"/> (default: the agent's <c>PATH</c>), runs it
/// with no stdin and reads its output; a tool that takes longer than <paramref name="timeout"/>
/// (default 10 s) is killed and counts as absent.
/// </summary>
internal sealed class PathCommandRunner(string? searchPath = null, TimeSpan? timeout = null) : ICommandRunner
{
    public async Task<CommandOutput?> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        if (Find(tool, searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "") is not { } file) return null;
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return null;
        }
        using (process)
        {
            process.StandardInput.Close();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.BaseStream.CopyToAsync(Stream.Null, limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token);
                var text = await stdout;
                await stderr;
                return new CommandOutput(process.ExitCode, text);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                ct.ThrowIfCancellationRequested();
                return null;
            }
        }
    }

    /// <summary>The first executable file named <paramref name="tool"/> in the colon-separated <paramref name="searchPath"/>.</summary>
    public static string? Find(string tool, string searchPath)
    {
        foreach (var dir in searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate) && (Fetcher.FileModes.Get(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
                return candidate;
        }
        return null;
    }
}
