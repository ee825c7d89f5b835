namespace Tessera.Executor.Thermos;

/// <summary>
/// The health of a task so far, as Aurora's health checker counts it: attempts, consecutive
/// successes and failures, whether it has been healthy. Immutable; <see cref="Record"/> returns the
/// state after one check, <see cref="HealthPolicy.Decide"/> says what follows.
/// </summary>
public sealed record HealthSnapshot
{
    /// <summary>The configuration.</summary>
    public required HealthCheckSpec Spec { get; init; }

    /// <summary>What is checked, for messages (e.g. <c>HTTP GET http://127.0.0.1:31000/health</c>).</summary>
    public required string Check { get; init; }

    /// <summary>When the task's processes first started (initial_interval_secs counts from here).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Checks made.</summary>
    public int Attempts { get; init; }

    /// <summary>Passed checks in a row.</summary>
    public int ConsecutiveSuccesses { get; init; }

    /// <summary>Counted failed checks in a row (forgiven ones excluded; before the task is healthy a success does not reset them).</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The task reached <c>min_consecutive_successes</c>.</summary>
    public bool Healthy { get; init; }

    /// <summary>RUNNING was reported.</summary>
    public bool ReportedRunning { get; init; }

    /// <summary>The last check.</summary>
    public HealthCheckResult? Last { get; init; }

    /// <summary>No check made yet.</summary>
    public static HealthSnapshot Start(HealthCheckSpec spec, string check, DateTimeOffset startedAt) =>
        new() { Spec = spec, Check = check, StartedAt = startedAt };

    /// <summary>
    /// After <paramref name="result"/>: a pass adds a success (and, once healthy, clears the failures);
    /// a failure clears the successes and, unless it is forgiven (before healthy and before
    /// <c>initial_interval_secs</c>), adds a failure.
    /// </summary>
    public HealthSnapshot Record(HealthCheckResult result)
    {
        var s = this with { Attempts = Attempts + 1, Last = result };
        if (result.Passed)
        {
            var successes = ConsecutiveSuccesses + 1;
            var healthy = Healthy || successes >= Spec.MinConsecutiveSuccesses;
            return s with { ConsecutiveSuccesses = successes, Healthy = healthy, ConsecutiveFailures = healthy ? 0 : ConsecutiveFailures };
        }

        s = s with { ConsecutiveSuccesses = 0 };
        return !Healthy && result.At < StartedAt + Spec.InitialInterval ? s : s with { ConsecutiveFailures = ConsecutiveFailures + 1 };
    }

    /// <summary>RUNNING was reported.</summary>
    public HealthSnapshot Reported() => this with { ReportedRunning = true };
}
