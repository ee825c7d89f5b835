using System.Collections.Immutable;
using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// The working state of one <see cref="Allocator.Decide"/> call: agents in a shuffled order, each
/// offered to the fairest eligible framework role first. Stage 1 serves unsatisfied quota
/// guarantees, stage 2 shares the rest by hierarchical DRF. Everything here is local to the call;
/// the snapshot is never changed.
/// </summary>
internal sealed class AllocationCycle
{
    private readonly AllocationSnapshot _snapshot;
    private readonly DateTimeOffset _now;
    private readonly MinAllocatable _min;
    private readonly ResourceSet[] _available;
    private readonly Dictionary<string, AllocatorFramework> _frameworks = new(StringComparer.Ordinal);
    private readonly RoleTree _tree;
    private readonly QuotaBook _quota;
    private readonly Random _random;
    private readonly Dictionary<(string Framework, int Agent, string Role), ResourceSet> _offers = [];
    private readonly List<(string Framework, int Agent, string Role)> _offerOrder = [];
    private readonly List<(string Role, string Framework)> _examined = [];
    private readonly HashSet<(string Role, string Framework)> _tried = [];
    private readonly List<string> _roles = [];

    public AllocationCycle(AllocationSnapshot snapshot, DateTimeOffset now)
    {
        _snapshot = snapshot;
        _now = now;
        _min = snapshot.Options.MinAllocatable;
        _random = new Random(SeedFor(snapshot.Options.Seed, snapshot.Cycle));
        _available = snapshot.Agents.Select(a => a.Available).ToArray();
        foreach (var f in snapshot.Frameworks)
            _frameworks[f.Id] = f;
        _tree = new RoleTree(snapshot, snapshot.TotalQuantities(), _random);
        _quota = new QuotaBook(snapshot);
    }

    public AllocationPlan Run()
    {
        if (_snapshot.Agents.IsEmpty || _snapshot.Frameworks.IsEmpty)
            return AllocationPlan.Empty(_snapshot.Cycle, _now);
        var order = ShuffledAgents();
        if (_quota.HasUnsatisfiedGuarantees)
            foreach (var i in order)
                AllocateAgent(i, guaranteeStage: true);
        foreach (var i in order)
            AllocateAgent(i, guaranteeStage: false);
        var offers = _offerOrder.Select(k => new PlannedOffer(k.Framework, _snapshot.Agents[k.Agent].Id, k.Role, _offers[k]));
        return new AllocationPlan(_snapshot.Cycle, _now, [.. offers]);
    }

    private void AllocateAgent(int index, bool guaranteeStage)
    {
        var agent = _snapshot.Agents[index];
        if (!agent.Active) return;
        _examined.Clear();
        if (_tried.Count > 0) _tried.Clear();
        // An offer takes everything the framework's role may have; loop for what is left, such as
        // resources reserved to another role. A pair examined once is not examined again for this
        // agent: less free resources can't make it eligible. The set is only built on a second pass,
        // which most agents never need.
        var pass = 0;
        while (!_available[index].IsEmpty && TryOneOffer(index, agent, guaranteeStage, pass++ > 0))
        {
            foreach (var pair in _examined) _tried.Add(pair);
            _examined.Clear();
        }
    }

    private bool TryOneOffer(int index, AllocatorAgent agent, bool guaranteeStage, bool again)
    {
        _tree.RolesInOrder(_roles);
        foreach (var role in _roles)
        {
            if (guaranteeStage && _quota.Unsatisfied(role).IsEmpty) continue;
            var forRole = _available[index].AllocatableTo(role);
            if (forRole.IsEmpty) continue;
            forRole = _quota.Fit(role, forRole, guaranteeStage, out _);
            if (!_min.IsSatisfiedBy(forRole.Quantities)) continue;
            foreach (var frameworkId in _tree.FrameworksInOrder(role))
            {
                if (again && _tried.Contains((role, frameworkId))) continue;
                _examined.Add((role, frameworkId));
                var framework = _frameworks[frameworkId];
                if (Eligibility.Check(framework, role, agent, _snapshot.Options) != Ineligible.None) continue;
                var candidate = CapabilityFilter.For(framework, forRole);
                if (!ReferenceEquals(candidate, forRole) && !_min.IsSatisfiedBy(candidate.Quantities)) continue;
                if (IsFiltered(agent, frameworkId, role, candidate)) continue;
                Offer(index, role, frameworkId, candidate);
                return true;
            }
        }
        return false;
    }

    private bool IsFiltered(AllocatorAgent agent, string frameworkId, string role, ResourceSet candidate) =>
        !agent.Filters.IsEmpty &&
        agent.Filters.TryGetValue(new FilterKey(frameworkId, role), out var filter) &&
        filter.Filters(candidate.Quantities, _now);

    private void Offer(int index, string role, string frameworkId, ResourceSet resources)
    {
        var key = (frameworkId, index, role);
        if (_offers.TryGetValue(key, out var earlier))
            _offers[key] = earlier + resources;
        else
        {
            _offers[key] = resources;
            _offerOrder.Add(key);
        }
        // Subtraction re-checks the invariant: an offer never exceeds what the agent has free.
        // Offering everything that is left (the usual case) needs no arithmetic.
        _available[index] = ReferenceEquals(resources, _available[index]) ? ResourceSet.Empty : _available[index] - resources;
        _tree.Allocate(role, frameworkId, resources.Quantities);
        _quota.Record(role, resources);
    }

    /// <summary>Mesos shuffles agents every cycle so no agent is always first; ours is seeded, hence replayable.</summary>
    private int[] ShuffledAgents()
    {
        var order = Enumerable.Range(0, _snapshot.Agents.Length).ToArray();
        _random.Shuffle(order);
        return order;
    }

    private static int SeedFor(int seed, long cycle) => unchecked((int)(seed * 1_000_003L ^ cycle * 7_919L ^ (cycle >> 32)));
}
