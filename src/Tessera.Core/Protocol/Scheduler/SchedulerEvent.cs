namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Event</c>: one record of the SUBSCRIBE stream; the body named after <see cref="Type"/> is set.</summary>
public sealed record SchedulerEvent
{
    /// <summary>The event.</summary>
    public SchedulerEventType? Type { get; init; }

    /// <summary>For SUBSCRIBED.</summary>
    public SubscribedEvent? Subscribed { get; init; }

    /// <summary>For OFFERS.</summary>
    public OffersEvent? Offers { get; init; }

    /// <summary>For INVERSE_OFFERS.</summary>
    public InverseOffersEvent? InverseOffers { get; init; }

    /// <summary>For RESCIND.</summary>
    public RescindEvent? Rescind { get; init; }

    /// <summary>For RESCIND_INVERSE_OFFER.</summary>
    public RescindInverseOfferEvent? RescindInverseOffer { get; init; }

    /// <summary>For UPDATE.</summary>
    public UpdateEvent? Update { get; init; }

    /// <summary>For UPDATE_OPERATION_STATUS.</summary>
    public UpdateOperationStatusEvent? UpdateOperationStatus { get; init; }

    /// <summary>For MESSAGE.</summary>
    public MessageEvent? Message { get; init; }

    /// <summary>For FAILURE.</summary>
    public FailureEvent? Failure { get; init; }

    /// <summary>For ERROR.</summary>
    public ErrorEvent? Error { get; init; }
}
