namespace Tessera.Agent.Health;

/// <summary>
/// The timing of checks, on the injected clock: wait <c>delay</c>, then check, report, wait
/// <c>interval</c>, check again, until cancelled. Each check gets its own timeout; one that runs
/// out is a failure. Results are handed to <paramref name="report"/> (which posts them to the
/// agent loop); deciding what they mean is <see cref="HealthPolicy"/>'s job.
/// </summary>
internal static class HealthCheckLoop
{
    public static async Task RunAsync(HealthConfig config, IHealthChecker checker, TimeProvider clock, Action<HealthResult> report, CancellationToken ct)
    {
        try
        {
            await Task.Delay(config.Delay, clock, ct);
            while (!ct.IsCancellationRequested)
            {
                var result = await CheckOnceAsync(checker, config.Timeout, clock, ct);
                if (ct.IsCancellationRequested) return;
                report(result);
                await Task.Delay(config.Interval, clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public static async Task<HealthResult> CheckOnceAsync(IHealthChecker checker, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(timeout, clock);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var result = await checker.CheckAsync(both.Token);
        return deadline.IsCancellationRequested && !result.Healthy
            ? HealthResult.Fail($"timed out after {timeout.TotalSeconds:0.###} s ({result.Message})")
            : result;
    }
}
