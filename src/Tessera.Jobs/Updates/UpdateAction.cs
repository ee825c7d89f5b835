using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Updates;

/// <summary>One thing <see cref="UpdateEvaluator.Decide"/> asks the host to do.</summary>
public abstract record UpdateAction(int Instance)
{
    /// <summary>Kill <paramref name="TaskId"/> (KILLING, never replaced; deleted while not on an agent).</summary>
    public sealed record Kill(int Instance, string TaskId, string Reason) : UpdateAction(Instance);

    /// <summary>Create a new task of the instance with <paramref name="Spec"/> (PENDING).</summary>
    public sealed record Create(int Instance, TaskSpec Spec) : UpdateAction(Instance);
}

/// <summary>
/// What <see cref="UpdateEvaluator.Decide"/> decided: the update once the actions are carried out
/// (<see cref="Next"/> is the input itself when nothing changed) and the actions, in order.
/// </summary>
public sealed record UpdateDecision(JobUpdate Next, ImmutableArray<UpdateAction> Actions)
{
    /// <summary>Whether the update ended with this decision.</summary>
    public bool Ended => !Next.Status.IsActive();
}
