namespace Tessera.Executor.Thermos;

/// <summary>What the health of a task calls for.</summary>
public enum HealthVerdict
{
    /// <summary>Nothing now: check again at <see cref="HealthPlan.NextCheckAt"/>.</summary>
    Wait,

    /// <summary>The task became healthy: report TASK_RUNNING (healthy).</summary>
    ReportRunning,

    /// <summary>The task is unhealthy: kill it; it ends TASK_FAILED with <see cref="HealthPlan.Message"/>.</summary>
    Unhealthy,
}

/// <summary>The verdict, why (for <see cref="HealthVerdict.Unhealthy"/>) and when the next check is due.</summary>
public sealed record HealthPlan(HealthVerdict Verdict, DateTimeOffset NextCheckAt, string? Message = null);
