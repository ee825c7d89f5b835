namespace Tessera.Core.Protocol;

/// <summary>
/// Mesos <c>HealthCheck</c>. Defaults when absent: delay 15 s, interval 10 s, timeout 20 s,
/// 3 consecutive failures, grace period 10 s.
/// </summary>
public sealed record HealthCheck
{
    /// <summary>Seconds to wait before the first check.</summary>
    public double? DelaySeconds { get; init; }

    /// <summary>Seconds between checks.</summary>
    public double? IntervalSeconds { get; init; }

    /// <summary>Seconds before a check counts as failed.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>Failures in a row that kill the task.</summary>
    public uint? ConsecutiveFailures { get; init; }

    /// <summary>Seconds after launch during which failures are ignored.</summary>
    public double? GracePeriodSeconds { get; init; }

    /// <summary>The kind of check.</summary>
    public CheckType? Type { get; init; }

    /// <summary>The command for a COMMAND check.</summary>
    public CommandInfo? Command { get; init; }

    /// <summary>The request for an HTTP check.</summary>
    public HttpCheckInfo? Http { get; init; }

    /// <summary>The port for a TCP check.</summary>
    public TcpCheckInfo? Tcp { get; init; }
}
