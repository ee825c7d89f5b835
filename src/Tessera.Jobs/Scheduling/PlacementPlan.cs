using System.Collections.Immutable;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// What <see cref="Placement.Decide"/> decided: the assignments in placement order, and for every
/// task left pending (by task id) why, with the amounts.
/// </summary>
public sealed record PlacementPlan(
    ImmutableArray<TaskAssignment> Assignments,
    ImmutableSortedDictionary<string, ImmutableArray<PendingReason>> Pending)
{
    /// <summary>The reasons as sentences, joined with "; " (for logs and the CLI).</summary>
    public string Describe(string taskId) =>
        Pending.TryGetValue(taskId, out var reasons) ? string.Join("; ", reasons.Select(r => r.Describe())) : "";
}
