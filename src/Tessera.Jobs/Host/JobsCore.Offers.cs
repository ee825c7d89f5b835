using System.Collections.Immutable;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Jobs.Framework;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Host;

internal sealed partial class JobsCore
{
    /// <summary>
    /// OFFERS: <see cref="Placement.Decide"/> over the PENDING and THROTTLED tasks; the assigned
    /// tasks are stored ASSIGNED, then launched with one ACCEPT per offer used; the other offers
    /// are declined (a short filter while something waits, a long one otherwise); the reasons of
    /// the tasks left pending are kept for the status.
    /// </summary>
    public async Task OnOffersAsync(IReadOnlyList<Offer> offers, CancellationToken ct)
    {
        await OnTickAsync(ct);
        var now = time.GetUtcNow();
        foreach (var offer in offers)
            _agentAttributes[offer.AgentId.Value] = OfferView.Attributes(offer.Attributes);
        var tasks = _tasks.Values.Select(t => t.Value).ToList();
        var placed = tasks
            .Where(t => ScheduleStatuses.OnAgent.Contains(t.Status) && t.AgentId is not null)
            .Select(t => new PlacedTask(t.Spec.Job, t.AgentId!, t.Hostname ?? "",
                _agentAttributes.GetValueOrDefault(t.AgentId!) ?? ImmutableSortedDictionary<string, string>.Empty))
            .ToList();
        // A task under the process-tree executor also needs its executor's share (Aurora adds it too).
        var overhead = options.ExecutorOverhead;
        var plan = Placement.Decide([.. tasks.Select(t => TaskInfoBuilder.UsesExecutor(t.Spec, options.ThermosExecutor)
                ? t with { Spec = t.Spec with { Resources = Plus(t.Spec.Resources, overhead) } } : t)],
            [.. offers.Select(OfferView.Of)], placed, now);

        var writes = new List<Store.JobStoreWrite>();
        var assigned = new List<(ScheduledTask Task, TaskAssignment Assignment)>();
        foreach (var assignment in plan.Assignments)
        {
            var task = _tasks[assignment.TaskId].Value;
            if (task.Status == ScheduleStatus.THROTTLED)
                task = TaskStateMachine.Transition(task, ScheduleStatus.PENDING, now, "flapping penalty over").Task;
            if (TaskStateMachine.Assign(task, assignment.AgentId, assignment.Hostname, assignment.Ports, now) is not TransitionResult.Changed changed)
                continue;
            writes.Add(Put(changed.Task));
            assigned.Add((changed.Task, assignment));
        }
        await CommitAsync(writes, ct);
        foreach (var id in _pending.Keys.Where(id => !plan.Pending.ContainsKey(id)).ToList())
            _pending.Remove(id);
        foreach (var (id, reasons) in plan.Pending)
            _pending[id] = reasons;

        var stillWaiting = plan.Pending.Count > 0;
        var refuse = new Filters { RefuseSeconds = stillWaiting ? options.DeclineWhilePending.TotalSeconds : 3600 };
        var byOffer = assigned.GroupBy(a => a.Assignment.OfferId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var calls = new List<SchedulerCall>();
        var declined = new List<OfferID>();
        foreach (var offer in offers)
        {
            if (byOffer.TryGetValue(offer.Id.Value, out var launches))
                calls.Add(Accept(offer, launches, overhead, refuse));
            else
                declined.Add(offer.Id);
        }
        if (declined.Count > 0)
            calls.Add(new SchedulerCall { Type = SchedulerCallType.DECLINE, Decline = new DeclineCall { OfferIds = declined, Filters = refuse } });
        // The calls are independent (one offer each): sent side by side, so 100 agents' launches
        // take a few round trips instead of 100 (the tasks are already stored ASSIGNED).
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = MaxCallsInFlight, CancellationToken = ct },
            async (call, token) => await CallAsync(call, token));
        await ReviveOrSuppressAsync(ct);
    }

    /// <summary>How many ACCEPT/DECLINE calls of one OFFERS event are in flight at once.</summary>
    private const int MaxCallsInFlight = 16;

    private SchedulerCall Accept(Offer offer, List<(ScheduledTask Task, TaskAssignment Assignment)> launches,
        TaskResources overhead, Filters refuse)
    {
        IReadOnlyList<Tessera.Core.Protocol.Resource> left = offer.Resources ?? [];
        var infos = new List<TaskInfo>();
        foreach (var (task, assignment) in launches)
        {
            var (info, rest) = TaskInfoBuilder.Build(task, assignment, left, options.ThermosExecutor, overhead);
            infos.Add(info);
            left = rest;
        }
        return new SchedulerCall
        {
            Type = SchedulerCallType.ACCEPT,
            Accept = new AcceptCall
            {
                OfferIds = [offer.Id],
                Operations = [new OfferOperation { Type = OfferOperationType.LAUNCH, Launch = new LaunchOperation { TaskInfos = infos } }],
                Filters = refuse,
            },
        };
    }

    private static TaskResources Plus(TaskResources a, TaskResources b) => new(a.Cpus + b.Cpus, a.RamMb + b.RamMb, a.DiskMb + b.DiskMb, a.Gpus + b.Gpus);
}
