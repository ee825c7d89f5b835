using System.Diagnostics;

namespace Tessera.Executor.Thermos;

/// <summary>
/// Aurora's shell checker: <c>setsid sh -c shell_command</c> in the sandbox; passes when it exits 0
/// within the timeout (else its process group is SIGKILLed and the check fails).
/// </summary>
public sealed class ShellHealthCheck(string command, string sandbox) : IHealthCheck
{
    /// <inheritdoc />
    public string Name { get; } = $"shell health check '{command}'";

    /// <inheritdoc />
    public async Task<(bool Passed, string Detail)> CheckAsync(TimeSpan timeout, CancellationToken ct)
    {
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = sandbox,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        Process child;
        try
        {
            child = Process.Start(info) ?? throw new InvalidOperationException("setsid did not start");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (false, "could not start: " + ex.Message);
        }

        using (child)
        {
            child.StandardInput.Close();
            var stdout = child.StandardOutput.ReadToEndAsync(ct);
            var stderr = child.StandardError.ReadToEndAsync(ct);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(timeout);
            try
            {
                await child.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Signals.KillGroup(child.Id, Signals.SIGKILL);
                if (ct.IsCancellationRequested) throw;
                return (false, $"did not end within {timeout.TotalSeconds:0.###} s");
            }

            var output = ((await stderr.ConfigureAwait(false)).Trim() is { Length: > 0 } err ? err : (await stdout.ConfigureAwait(false)).Trim());
            if (output.Length > 200) output = output[..200] + "…";
            return child.ExitCode == 0
                ? (true, "exit status 0")
                : (false, $"exit status {child.ExitCode}" + (output.Length > 0 ? ": " + output : ""));
        }
    }
}
