using System.Collections.Immutable;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// What <see cref="RolloutPlanner.Decide"/> decided: the steps, in order, and the state once they
/// are carried out (<see cref="Next"/> is the same object as the input when nothing changed).
/// </summary>
public sealed record RolloutPlan(RolloutState Next, ImmutableArray<RolloutStep> Steps)
{
    /// <summary>The tasks to restart.</summary>
    public IEnumerable<RolloutStep.Restart> Restarts => Steps.OfType<RolloutStep.Restart>();
}
