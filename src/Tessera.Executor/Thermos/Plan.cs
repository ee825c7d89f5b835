namespace Tessera.Executor.Thermos;

/// <summary>What to do now, and when to decide again if nothing happens before (null: only when something happens).</summary>
public sealed record Plan(IReadOnlyList<PlanAction> Actions, DateTimeOffset? WakeAt)
{
    /// <summary>Nothing to do.</summary>
    public static Plan Idle { get; } = new([], null);
}
