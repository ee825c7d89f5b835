namespace Tessera.Executor.Thermos;

/// <summary>One health check: when it ended, whether it passed and why (a snoozed check passes, as in Aurora).</summary>
public sealed record HealthCheckResult(DateTimeOffset At, bool Passed, string Detail, bool Snoozed = false);
