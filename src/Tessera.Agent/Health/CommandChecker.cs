namespace Tessera.Agent.Health;

/// <summary>A COMMAND check: healthy when the command exits 0 within the timeout.</summary>
internal sealed class CommandChecker(ICheckCommandRunner runner, CheckCommandRequest command) : IHealthChecker
{
    public async Task<HealthResult> CheckAsync(CancellationToken ct)
    {
        try
        {
            var exit = await runner.RunAsync(command, ct);
            if (exit.ExitCode == 0) return HealthResult.Pass("command exited with status 0");
            return HealthResult.Fail($"command exited with status {exit.ExitCode}{(exit.LastError is { } err ? $": {err}" : "")}");
        }
        catch (OperationCanceledException)
        {
            return HealthResult.Fail("command did not return in time and was killed");
        }
    }
}
