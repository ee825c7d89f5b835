using Tessera.Core.Protocol;

namespace Tessera.Agent.Health;

/// <summary>
/// A task's <see cref="HealthCheck"/> with Mesos' defaults filled in: delay 15 s, interval 10 s,
/// timeout 20 s (0 means none), 3 consecutive failures, grace period 10 s.
/// </summary>
internal sealed record HealthConfig
{
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><see cref="Timeout.InfiniteTimeSpan"/> when the check gave 0 (Mesos: no timeout).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    public uint ConsecutiveFailures { get; init; } = 3;
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);
    public required CheckType Type { get; init; }

    /// <summary>The config, or an error naming the field and the rule.</summary>
    public static HealthConfigResult From(HealthCheck check)
    {
        var error = check.Type switch
        {
            null or CheckType.UNKNOWN => "'health_check.type' must be COMMAND, HTTP or TCP",
            CheckType.COMMAND when check.Command?.Value is null or "" => "'health_check.command.value' is required for a COMMAND check",
            CheckType.COMMAND when check.Command.Environment?.Variables?.FirstOrDefault(v => !Containerizer.CleanEnvironment.ValidName(v.Name)) is { } bad =>
                $"'health_check.command.environment.variables': name '{bad.Name}' must be non-empty, without '=' or NUL",
            CheckType.HTTP when check.Http is null => "'health_check.http' is required for an HTTP check",
            CheckType.HTTP when check.Http.Scheme is not (null or "http" or "https") => "'health_check.http.scheme' must be 'http' or 'https'",
            CheckType.TCP when check.Tcp is null => "'health_check.tcp' is required for a TCP check",
            _ => Negative(check),
        };
        if (error is not null) return new HealthConfigResult(null, error);
        var timeout = check.TimeoutSeconds is { } t ? (t == 0 ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(t)) : TimeSpan.FromSeconds(20);
        var config = new HealthConfig { Type = check.Type!.Value, Timeout = timeout };
        return new HealthConfigResult(config with
        {
            Delay = check.DelaySeconds is { } d ? TimeSpan.FromSeconds(d) : config.Delay,
            Interval = check.IntervalSeconds is { } i ? TimeSpan.FromSeconds(i) : config.Interval,
            ConsecutiveFailures = check.ConsecutiveFailures ?? config.ConsecutiveFailures,
            GracePeriod = check.GracePeriodSeconds is { } g ? TimeSpan.FromSeconds(g) : config.GracePeriod,
        }, null);
    }

    private static string? Negative(HealthCheck check) =>
        check.DelaySeconds < 0 ? "'health_check.delay_seconds' must not be negative"
        : check.IntervalSeconds < 0 ? "'health_check.interval_seconds' must not be negative"
        : check.TimeoutSeconds < 0 ? "'health_check.timeout_seconds' must not be negative"
        : check.GracePeriodSeconds < 0 ? "'health_check.grace_period_seconds' must not be negative"
        : null;
}

/// <summary>Either a config or the reason there is none.</summary>
internal sealed record HealthConfigResult(HealthConfig? Config, string? Error);
