using System.ComponentModel;
using System.Diagnostics;

namespace Tessera.Agent.Health;

/// <summary>
/// Runs a check command as a child of the agent: <c>/bin/sh -c value</c> (or argv when
/// <c>shell</c> is false) in the sandbox, with the task's environment plus the check command's
/// own; output is read and dropped except the last line of stderr.
/// <see cref="NamespaceCheckCommandRunner"/> runs a whole argv (<c>nsenter … -- env -i … command</c>)
/// through <see cref="RunArgvAsync"/> with only the default PATH, so the check's variables never
/// reach nsenter.
/// </summary>
internal sealed class HostCheckCommandRunner : ICheckCommandRunner
{
    public Task<CheckCommandExit> RunAsync(CheckCommandRequest check, CancellationToken ct) =>
        RunArgvAsync(Containerizer.CommandLine.Argv(check.Command), check.Sandbox, Environment(check), ct);

    /// <summary>The check's environment: the task's, then the check command's own variables.</summary>
    public static Dictionary<string, string> Environment(CheckCommandRequest check)
    {
        var env = new Dictionary<string, string>(check.Environment, StringComparer.Ordinal);
        foreach (var variable in check.Command.Environment?.Variables ?? [])
            if (variable.Value is { } value) env[variable.Name] = value;
        return env;
    }

    /// <summary>Runs <paramref name="argv"/> in <paramref name="sandbox"/> with the default PATH and <paramref name="environment"/> (<see cref="Containerizer.CleanEnvironment"/>).</summary>
    public async Task<CheckCommandExit> RunArgvAsync(IReadOnlyList<string> argv, string sandbox, IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo
        {
            FileName = argv[0],
            WorkingDirectory = sandbox,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1)) start.ArgumentList.Add(arg);
        Containerizer.CleanEnvironment.Apply(start, environment);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("the check command did not start");
        }
        catch (Win32Exception e)
        {
            return new CheckCommandExit(127, e.Message);
        }
        using (process)
        {
            process.StandardInput.Close();
            var drainOut = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
            var lastError = LastLineAsync(process.StandardError);
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw;
            }
            await Task.WhenAny(Task.WhenAll(drainOut, lastError), Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
            return new CheckCommandExit(process.ExitCode, lastError.IsCompletedSuccessfully ? await lastError : null);
        }
    }

    private static async Task<string?> LastLineAsync(StreamReader reader)
    {
        string? last = null;
        while (await reader.ReadLineAsync() is { } line)
            if (line.Length > 0) last = line.Length > 200 ? line[..200] : line;
        return last;
    }
}
