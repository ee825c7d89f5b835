using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Core.Resources;

namespace Tessera.Master.Tests.Scheduler;

/// <summary>Builders for the calls tests send, in the exact shapes of the Mesos v1 JSON.</summary>
internal static class Calls
{
    public static TaskInfo Task(string id, string agentId, string resources = "cpus:1;mem:128", string command = "sleep 30") => new()
    {
        Name = id,
        TaskId = TaskID.Of(id),
        AgentId = AgentID.Of(agentId),
        Resources = ResourceWireForm.ToWire(ResourceSet.Parse(resources)),
        Command = new CommandInfo { Shell = true, Value = command },
    };

    /// <summary>ACCEPT with LAUNCH and refuse_seconds 0, so what is left is offered again at the next tick.</summary>
    public static SchedulerCall Launch(Offer offer, params TaskInfo[] tasks) => Accept([offer.Id], 0,
        new OfferOperation { Type = OfferOperationType.LAUNCH, Launch = new LaunchOperation { TaskInfos = tasks } });

    public static SchedulerCall Accept(IReadOnlyList<OfferID> offers, double? refuseSeconds, params OfferOperation[] operations) => new()
    {
        Type = SchedulerCallType.ACCEPT,
        Accept = new AcceptCall
        {
            OfferIds = offers,
            Operations = operations,
            Filters = refuseSeconds is null ? null : new Filters { RefuseSeconds = refuseSeconds },
        },
    };

    public static SchedulerCall Decline(Offer offer, double? refuseSeconds) => new()
    {
        Type = SchedulerCallType.DECLINE,
        Decline = new DeclineCall { OfferIds = [offer.Id], Filters = refuseSeconds is null ? null : new Filters { RefuseSeconds = refuseSeconds } },
    };

    public static SchedulerCall Acknowledge(MesosTaskStatus status) => new()
    {
        Type = SchedulerCallType.ACKNOWLEDGE,
        Acknowledge = new AcknowledgeCall { AgentId = status.AgentId!, TaskId = status.TaskId, Uuid = status.Uuid! },
    };

    public static SchedulerCall Simple(SchedulerCallType type) => new() { Type = type };
}
