using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Core.Resources;
using Tessera.Master.Loop;
using Tessera.Master.State;

namespace Tessera.Master.Offers;

/// <summary>
/// ACCEPT: checks the offers, runs the operations in order against what they hold (launches, task
/// groups, reservations and volumes), and gives the rest back with the framework's filter. Bad
/// launches become TASK_ERROR or TASK_DROPPED/TASK_LOST updates with a reason, never an exception.
/// </summary>
internal sealed class AcceptProcessor(MasterRuntime rt)
{
    private MasterState State => rt.State;

    public CallOutcome Accept(FrameworkRecord framework, AcceptCall accept)
    {
        var operations = accept.Operations ?? [];
        var (offers, problem) = CollectOffers(framework, accept.OfferIds ?? []);
        var agent = offers.Count > 0 ? State.Agent(offers[0].AgentId) : null;
        problem ??= agent is null || agent.Status != AgentStatus.Registered ? "the offers' agent is no longer registered" : null;
        if (problem is not null)
        {
            foreach (var offer in offers) rt.Offers.Rescind(offer, sendEvent: false);
            DropLaunches(framework, operations, problem);
            return CallOutcome.Accepted;
        }
        foreach (var offer in offers) rt.Offers.Consume(offer);
        var pool = new OfferedPool(
            offers.Aggregate(ResourceSet.Empty, (sum, o) => sum + o.Resources.AllocatedTo(o.Role)),
            [.. offers.Select(o => o.Role).Distinct()]);
        var launches = new LaunchOperations(rt, framework, agent!, pool);
        var conversions = new ResourceOperations(rt, framework, agent!, pool);
        foreach (var op in operations)
        {
            switch (op.Type)
            {
                case OfferOperationType.LAUNCH: launches.Launch(op.Launch?.TaskInfos ?? []); break;
                case OfferOperationType.LAUNCH_GROUP when op.LaunchGroup is { } group: launches.LaunchGroup(group); break;
                case OfferOperationType.RESERVE: conversions.Reserve(op.Reserve?.Resources ?? []); break;
                case OfferOperationType.UNRESERVE: conversions.Unreserve(op.Unreserve?.Resources ?? []); break;
                case OfferOperationType.CREATE: conversions.Create(op.Create?.Volumes ?? []); break;
                case OfferOperationType.DESTROY: conversions.Destroy(op.Destroy?.Volumes ?? []); break;
                default: rt.Tasks.LogDroppedOperation(framework, op.Type?.ToString() ?? "UNKNOWN", "operation is not supported"); break;
            }
        }
        foreach (var byRole in pool.Remaining.GroupBy(r => r.AllocationRole!))
            State.Allocator.Recover(framework.Id, agent!.Id, byRole.Key, ResourceSet.Of(byRole).WithoutAllocation(), accept.Filters?.RefuseSeconds, rt.Now);
        rt.Changed();
        return CallOutcome.Accepted;
    }

    private (List<OfferRecord> Offers, string? Problem) CollectOffers(FrameworkRecord framework, IReadOnlyList<OfferID> ids)
    {
        var offers = new List<OfferRecord>();
        string? problem = ids.Count == 0 ? "'accept.offer_ids' is empty" : null;
        foreach (var id in ids.DistinctBy(i => i.Value))
        {
            if (State.Offers.TryGetValue(id.Value, out var offer) && offer.FrameworkId == framework.Id) offers.Add(offer);
            else problem ??= $"offer {id.Value} is no longer valid";
        }
        if (offers.Select(o => o.AgentId).Distinct().Count() > 1)
            problem ??= "the offers are for more than one agent";
        return (offers, problem);
    }

    /// <summary>Invalid offers: every task that was to launch is reported dropped (lost to older frameworks).</summary>
    private void DropLaunches(FrameworkRecord framework, IEnumerable<OfferOperation> operations, string problem)
    {
        var tasks = operations.SelectMany(op => op.Type switch
        {
            OfferOperationType.LAUNCH => op.Launch?.TaskInfos ?? [],
            OfferOperationType.LAUNCH_GROUP => op.LaunchGroup?.TaskGroup.Tasks ?? [],
            _ => [],
        });
        var state = framework.PartitionAware ? TaskState.TASK_DROPPED : TaskState.TASK_LOST;
        foreach (var task in tasks)
            rt.Tasks.SendMasterUpdate(framework, task.TaskId, task.AgentId, state, TaskStatusReason.REASON_INVALID_OFFERS, problem);
    }
}
