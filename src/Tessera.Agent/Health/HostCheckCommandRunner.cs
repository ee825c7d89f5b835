using System.ComponentModel;
using System.Diagnostics;

namespace Tessera.Agent.Health;

/// <summary>
/// Runs a check command as a child of the agent: <c>/bin/sh -c value</c> (or argv when
/// <c>shell</c> is false) in the sandbox, with the task's environment plus the check command's
/// own; output is read and dropped except the last line of stderr. With a prefix (e.g.
/// <c>nsenter …</c>, <see cref="NamespaceCheckCommandRunner"/>) the command runs through it.
/// </summary>
internal sealed class HostCheckCommandRunner : ICheckCommandRunner
{
    public Task<CheckCommandExit> RunAsync(CheckCommandRequest check, CancellationToken ct) => RunAsync(check, [], ct);

    public async Task<CheckCommandExit> RunAsync(CheckCommandRequest check, IReadOnlyList<string> prefix, CancellationToken ct)
    {
        var command = check.Command;
        var argv = new List<string>(prefix);
        if (command.Shell != false) argv.AddRange(["/bin/sh", "-c", command.Value ?? ""]);
        else argv.AddRange([command.Value ?? "", .. command.Arguments?.Skip(1) ?? []]);
        var start = new ProcessStartInfo
        {
            FileName = argv[0],
            WorkingDirectory = check.Sandbox,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1)) start.ArgumentList.Add(arg);
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (var (key, value) in check.Environment) start.Environment[key] = value;
        foreach (var variable in command.Environment?.Variables ?? [])
            if (variable.Value is { } value) start.Environment[variable.Name] = value;

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
