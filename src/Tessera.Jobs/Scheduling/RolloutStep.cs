namespace Tessera.Jobs.Scheduling;

/// <summary>One thing <see cref="RolloutPlanner.Decide"/> decided, for the host to carry out or log.</summary>
public abstract record RolloutStep(int Instance)
{
    /// <summary>Restart <paramref name="TaskId"/> (RESTARTING, stored, then KILL): the scheduler replaces it.</summary>
    public sealed record Restart(int Instance, string TaskId) : RolloutStep(Instance);

    /// <summary>The instance's replacement <paramref name="TaskId"/> ran for the watch: the instance is done.</summary>
    public sealed record InstanceDone(int Instance, string TaskId) : RolloutStep(Instance);

    /// <summary>A replacement ended before its watch was over (within the per-instance limit so far).</summary>
    public sealed record ReplacementFailed(int Instance, string TaskId, string Reason) : RolloutStep(Instance);

    /// <summary>The instance failed: more failed replacements than <c>max_per_instance_failures</c>, or none to follow.</summary>
    public sealed record InstanceFailed(int Instance, string Reason) : RolloutStep(Instance);

    /// <summary>The instance had nothing to restart, or was killed meanwhile; it is left alone.</summary>
    public sealed record InstanceSkipped(int Instance, string Reason) : RolloutStep(Instance);

    /// <summary>The restart ended (<see cref="RolloutPhase.Done"/> or <see cref="RolloutPhase.Failed"/>).</summary>
    public sealed record Finished(RolloutPhase Phase, string Reason) : RolloutStep(-1);
}
