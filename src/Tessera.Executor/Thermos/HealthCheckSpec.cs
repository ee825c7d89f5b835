namespace Tessera.Executor.Thermos;

/// <summary>
/// Aurora's <c>HealthCheckConfig</c> as the executor receives it (<c>health_check_config</c> in the
/// task JSON), with Aurora's defaults: initial interval 15 s, interval 10 s, timeout 1 s, max
/// consecutive failures 0, min consecutive successes 1. The shell checker wins over the HTTP one.
/// </summary>
public sealed record HealthCheckSpec
{
    /// <summary>The HTTP checker (Aurora's default checker), unless <see cref="ShellCommand"/> is set.</summary>
    public HttpCheckSpec? Http { get; init; } = new();

    /// <summary>The shell checker's command: healthy when it exits 0 within the timeout.</summary>
    public string? ShellCommand { get; init; }

    /// <summary>While the task is not yet healthy, failures before this (from the first process start) do not count.</summary>
    public TimeSpan InitialInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time between checks.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one check may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive counted failures tolerated; one more makes the task unhealthy (0: the first counted failure does).</summary>
    public int MaxConsecutiveFailures { get; init; }

    /// <summary>Consecutive successes before the task is RUNNING.</summary>
    public int MinConsecutiveSuccesses { get; init; } = 1;
}

/// <summary>
/// Aurora's <c>HttpHealthChecker</c>, plus Tessera's <c>url</c> (an absolute URL probed instead) and
/// <c>port</c> (the name of the port probed instead of <c>health</c>: the jobs side sets it when the
/// Announcer's portmap aliases <c>health</c> to another port).
/// </summary>
public sealed record HttpCheckSpec(string Endpoint = "/health", string ExpectedResponse = "ok", int ExpectedResponseCode = 0, string? Url = null, string? Port = null);
