namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Reconcile</c>; no tasks means implicit reconciliation.</summary>
public sealed record ReconcileCall
{
    /// <summary>The tasks to reconcile.</summary>
    public IReadOnlyList<ReconcileTask>? Tasks { get; init; }
}
