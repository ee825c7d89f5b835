namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call</c>: what a scheduler POSTs to <c>/api/v1/scheduler</c>; the body named after <see cref="Type"/> is set.</summary>
public sealed record SchedulerCall
{
    /// <summary>The framework (absent only on a first SUBSCRIBE).</summary>
    public FrameworkID? FrameworkId { get; init; }

    /// <summary>The call.</summary>
    public SchedulerCallType? Type { get; init; }

    /// <summary>For SUBSCRIBE.</summary>
    public SubscribeCall? Subscribe { get; init; }

    /// <summary>For ACCEPT.</summary>
    public AcceptCall? Accept { get; init; }

    /// <summary>For DECLINE.</summary>
    public DeclineCall? Decline { get; init; }

    /// <summary>For ACCEPT_INVERSE_OFFERS.</summary>
    public AcceptInverseOffersCall? AcceptInverseOffers { get; init; }

    /// <summary>For DECLINE_INVERSE_OFFERS.</summary>
    public DeclineInverseOffersCall? DeclineInverseOffers { get; init; }

    /// <summary>For REVIVE.</summary>
    public ReviveCall? Revive { get; init; }

    /// <summary>For KILL.</summary>
    public KillCall? Kill { get; init; }

    /// <summary>For SHUTDOWN.</summary>
    public ShutdownCall? Shutdown { get; init; }

    /// <summary>For ACKNOWLEDGE.</summary>
    public AcknowledgeCall? Acknowledge { get; init; }

    /// <summary>For ACKNOWLEDGE_OPERATION_STATUS.</summary>
    public AcknowledgeOperationStatusCall? AcknowledgeOperationStatus { get; init; }

    /// <summary>For RECONCILE.</summary>
    public ReconcileCall? Reconcile { get; init; }

    /// <summary>For RECONCILE_OPERATIONS.</summary>
    public ReconcileOperationsCall? ReconcileOperations { get; init; }

    /// <summary>For MESSAGE.</summary>
    public MessageCall? Message { get; init; }

    /// <summary>For REQUEST.</summary>
    public RequestCall? Request { get; init; }

    /// <summary>For SUPPRESS.</summary>
    public SuppressCall? Suppress { get; init; }

    /// <summary>For UPDATE_FRAMEWORK.</summary>
    public UpdateFrameworkCall? UpdateFramework { get; init; }
}
