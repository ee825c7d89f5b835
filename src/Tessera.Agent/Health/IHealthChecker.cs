namespace Tessera.Agent.Health;

/// <summary>
/// One kind of check (HTTP, TCP, command). <see cref="CheckAsync"/> never throws for an unhealthy
/// task: every outcome is a <see cref="HealthResult"/>. <paramref name="ct"/> carries the check's
/// timeout; a cancelled check is a failed one.
/// </summary>
internal interface IHealthChecker
{
    Task<HealthResult> CheckAsync(CancellationToken ct);
}
