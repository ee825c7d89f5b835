namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.ReconcileOperations</c>.</summary>
public sealed record ReconcileOperationsCall
{
    /// <summary>The operations to reconcile.</summary>
    public IReadOnlyList<ReconcileOperation>? Operations { get; init; }
}
