namespace Tessera.Jobs.Config;

/// <summary>
/// Health checking with Aurora's defaults: the HTTP checker, initial interval 15 s, interval 10 s,
/// timeout 1 s, max consecutive failures 0, min consecutive successes 1. When <c>Shell</c> is set
/// it is the checker used.
/// </summary>
public sealed record HealthCheckConfig(
    HttpHealthCheckerConfig? Http,
    ShellHealthCheckerConfig? Shell = null,
    double InitialIntervalSecs = 15,
    double IntervalSecs = 10,
    double TimeoutSecs = 1,
    int MaxConsecutiveFailures = 0,
    int MinConsecutiveSuccesses = 1)
{
    public static readonly HealthCheckConfig Default = new(HttpHealthCheckerConfig.Default);
}
