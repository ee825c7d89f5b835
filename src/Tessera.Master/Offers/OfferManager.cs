using Tessera.Core.Allocation;
using Tessera.Core.Protocol;
using Tessera.Master.Events;
using Tessera.Master.Loop;
using Tessera.Master.State;

namespace Tessera.Master.Offers;

/// <summary>
/// Offer lifecycle: each allocation tick turns the allocator's plan into OFFERS events; offers are
/// held until accepted, declined, rescinded or timed out, and whatever goes unused returns to the
/// allocator (with the framework's filter) so the next tick can offer it again.
/// </summary>
internal sealed class OfferManager(MasterRuntime rt)
{
    private MasterState State => rt.State;

    /// <summary>Timer: one allocation cycle.</summary>
    public void Allocate()
    {
        var now = rt.Now;
        State.Allocator.ExpireFilters(now);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var plan = Allocator.Decide(State.Allocator.Snapshot(), now);
        State.Allocator.Apply(plan);
        State.Counters.AllocationRuns++;
        State.Counters.LastAllocationRunMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (plan.Offers.IsEmpty) return;
        foreach (var group in plan.Offers.GroupBy(o => o.FrameworkId))
            SendOffers(State.Frameworks[group.Key], group, now);
        rt.Changed();
    }

    public void Decline(FrameworkRecord framework, IEnumerable<OfferID> offerIds, Filters? filters)
    {
        foreach (var id in offerIds)
        {
            if (!State.Offers.TryGetValue(id.Value, out var offer) || offer.FrameworkId != framework.Id) continue;
            Remove(offer);
            State.Allocator.Recover(offer.FrameworkId, offer.AgentId, offer.Role, offer.Resources, filters?.RefuseSeconds, rt.Now);
            State.Counters.OffersDeclined++;
        }
        rt.Changed();
    }

    /// <summary>Takes the offer out of the books for an ACCEPT; its resources stay allocated.</summary>
    public void Consume(OfferRecord offer)
    {
        Remove(offer);
        State.Counters.OffersAccepted++;
    }

    public void Rescind(OfferRecord offer, bool sendEvent)
    {
        Remove(offer);
        State.Allocator.Recover(offer.FrameworkId, offer.AgentId, offer.Role, offer.Resources, refuseSeconds: 0, rt.Now);
        State.Counters.OffersRescinded++;
        if (sendEvent && State.Framework(offer.FrameworkId) is { } framework)
            rt.Outbox.ToFramework(framework, SchedulerEvents.Rescind(offer.Id));
        rt.Changed();
    }

    public void RescindAll(FrameworkRecord framework, bool sendEvents)
    {
        foreach (var id in framework.Offers.ToList())
            Rescind(State.Offers[id], sendEvents);
    }

    public void RescindAll(AgentRecord agent)
    {
        foreach (var offer in State.Offers.Values.Where(o => o.AgentId == agent.Id).ToList())
            Rescind(offer, sendEvent: true);
    }

    /// <summary>Timer: rescinds offers older than <c>--offer-timeout</c>.</summary>
    public void ExpireOffers()
    {
        if (State.Options.OfferTimeout is not { } timeout) return;
        var cutoff = rt.Now - timeout;
        foreach (var offer in State.Offers.Values.Where(o => o.CreatedAt <= cutoff).ToList())
            Rescind(offer, sendEvent: true);
    }

    private void SendOffers(FrameworkRecord framework, IEnumerable<PlannedOffer> planned, DateTimeOffset now)
    {
        var wire = new List<Offer>();
        foreach (var p in planned)
        {
            var offer = new OfferRecord(State.Ids.NextOfferId(), p.FrameworkId, p.AgentId, p.Role, p.Resources, now);
            State.Offers[offer.Id] = offer;
            framework.Offers.Add(offer.Id);
            wire.Add(OfferWire.Build(offer, State.Agents[p.AgentId], framework));
        }
        State.Counters.OffersMade += wire.Count;
        if (!rt.Outbox.ToFramework(framework, SchedulerEvents.Offers(wire)))
            RescindAll(framework, sendEvents: false);
    }

    private void Remove(OfferRecord offer)
    {
        State.Offers.Remove(offer.Id);
        State.Framework(offer.FrameworkId)?.Offers.Remove(offer.Id);
    }
}
