using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Master.Events;

/// <summary>Builders for the scheduler events the master sends, so every call site shapes them alike.</summary>
internal static class SchedulerEvents
{
    public static SchedulerEvent Subscribed(string frameworkId, double heartbeatSeconds, MasterInfo master) => new()
    {
        Type = SchedulerEventType.SUBSCRIBED,
        Subscribed = new SubscribedEvent { FrameworkId = FrameworkID.Of(frameworkId), HeartbeatIntervalSeconds = heartbeatSeconds, MasterInfo = master },
    };

    public static SchedulerEvent Offers(IReadOnlyList<Offer> offers) => new()
    {
        Type = SchedulerEventType.OFFERS,
        Offers = new OffersEvent { Offers = offers },
    };

    public static SchedulerEvent Rescind(string offerId) => new()
    {
        Type = SchedulerEventType.RESCIND,
        Rescind = new RescindEvent { OfferId = OfferID.Of(offerId) },
    };

    public static SchedulerEvent Update(MesosTaskStatus status) => new()
    {
        Type = SchedulerEventType.UPDATE,
        Update = new UpdateEvent { Status = status },
    };

    public static SchedulerEvent Message(string agentId, string executorId, ByteString data) => new()
    {
        Type = SchedulerEventType.MESSAGE,
        Message = new MessageEvent { AgentId = AgentID.Of(agentId), ExecutorId = ExecutorID.Of(executorId), Data = data },
    };

    public static SchedulerEvent Failure(string agentId, string? executorId, int? status) => new()
    {
        Type = SchedulerEventType.FAILURE,
        Failure = new FailureEvent
        {
            AgentId = AgentID.Of(agentId),
            ExecutorId = executorId is null ? null : ExecutorID.Of(executorId),
            Status = status,
        },
    };

    public static SchedulerEvent Error(string message) => new()
    {
        Type = SchedulerEventType.ERROR,
        Error = new ErrorEvent { Message = message },
    };

    public static readonly SchedulerEvent Heartbeat = new() { Type = SchedulerEventType.HEARTBEAT };
}
