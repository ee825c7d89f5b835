namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>KillPolicy</c>: how long between SIGTERM and SIGKILL.</summary>
public sealed record KillPolicy
{
    /// <summary>The grace period (built-in executors default to 3 s).</summary>
    public DurationInfo? GracePeriod { get; init; }
}
