using System.Collections.Immutable;
using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// The allocator's mutable bookkeeping: agents, frameworks, who holds what, filters, weights and
/// quota. It has one owner (the master's allocator loop), so it takes no locks; each cycle the owner
/// takes an immutable <see cref="Snapshot"/>, calls <see cref="Allocator.Decide"/>, and
/// <see cref="Apply"/>s the plan. Every change goes through resource arithmetic that checks the
/// invariants, so double allocation or recovering what was never allocated throws.
/// </summary>
public sealed class AllocatorState(AllocatorOptions options)
{
    private readonly Dictionary<string, AllocatorAgent> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AllocatorFramework> _frameworks = new(StringComparer.Ordinal);

    /// <summary>Per agent, what each framework role holds there: needed to give it back on removal.</summary>
    private readonly Dictionary<string, Dictionary<FilterKey, ResourceSet>> _allocations = new(StringComparer.Ordinal);

    private readonly PriorityQueue<(string AgentId, FilterKey Key, OfferFilter Filter), DateTimeOffset> _expiries = new();
    private ImmutableDictionary<string, double> _weights = ImmutableDictionary<string, double>.Empty;
    private ImmutableDictionary<string, RoleQuota> _quotas = ImmutableDictionary<string, RoleQuota>.Empty;
    private long _cycle;

    public AllocatorOptions Options { get; } = options;

    public IReadOnlyDictionary<string, AllocatorAgent> Agents => _agents;

    public IReadOnlyDictionary<string, AllocatorFramework> Frameworks => _frameworks;

    public ImmutableDictionary<string, double> Weights => _weights;

    public ImmutableDictionary<string, RoleQuota> Quotas => _quotas;

    public AllocationSnapshot Snapshot() =>
        new([.. _agents.Values], [.. _frameworks.Values], _weights, _quotas, Options, _cycle++);

    public void AddAgent(string id, string hostname, ResourceSet total)
    {
        if (_agents.ContainsKey(id)) throw new InvalidOperationException($"agent {id} is already known");
        _agents[id] = new AllocatorAgent(id, hostname, total);
        _allocations[id] = [];
    }

    /// <summary>Forgets the agent and gives back everything allocated on it.</summary>
    public void RemoveAgent(string id)
    {
        foreach (var (key, held) in Held(id))
            Release(key, held.Quantities);
        _agents.Remove(id);
        _allocations.Remove(id);
    }

    public void SetAgentActive(string id, bool active) => _agents[id] = Agent(id) with { Active = active };

    public void AddFramework(string id, IEnumerable<string> roles, AllocatorCapabilities capabilities = AllocatorCapabilities.None)
    {
        if (_frameworks.ContainsKey(id)) throw new InvalidOperationException($"framework {id} is already known");
        _frameworks[id] = new AllocatorFramework(id, ValidRoles(roles), capabilities);
    }

    /// <summary>UPDATE_FRAMEWORK: new roles and capabilities; allocations to roles it left stay until recovered.</summary>
    public void UpdateFramework(string id, IEnumerable<string> roles, AllocatorCapabilities capabilities)
    {
        var f = Framework(id);
        _frameworks[id] = f with { Roles = ValidRoles(roles), Capabilities = capabilities, SuppressedRoles = f.SuppressedRoles.Intersect(roles) };
    }

    /// <summary>Forgets the framework, its filters and everything allocated to it.</summary>
    public void RemoveFramework(string id)
    {
        Framework(id);
        foreach (var agentId in _agents.Keys.ToList())
        {
            foreach (var (key, held) in Held(agentId).Where(h => h.Key.FrameworkId == id).ToList())
                Recover(id, agentId, key.Role, held, refuseSeconds: 0);
            var agent = _agents[agentId];
            if (agent.Filters.Keys.Any(k => k.FrameworkId == id))
                _agents[agentId] = agent with { Filters = agent.Filters.RemoveRange(agent.Filters.Keys.Where(k => k.FrameworkId == id)) };
        }
        _frameworks.Remove(id);
    }

    public void SetFrameworkActive(string id, bool active) => _frameworks[id] = Framework(id) with { Active = active };

    /// <summary>SUPPRESS: no offers for these roles (all of the framework's roles when empty) until REVIVE.</summary>
    public void Suppress(string frameworkId, IEnumerable<string> roles)
    {
        var f = Framework(frameworkId);
        var which = RolesOrAll(f, roles);
        _frameworks[frameworkId] = f with { SuppressedRoles = f.SuppressedRoles.Union(which) };
    }

    /// <summary>REVIVE: clears the framework's filters for these roles (all when empty) and unsuppresses them.</summary>
    public void Revive(string frameworkId, IEnumerable<string> roles)
    {
        var f = Framework(frameworkId);
        var which = RolesOrAll(f, roles);
        _frameworks[frameworkId] = f with { SuppressedRoles = f.SuppressedRoles.Except(which) };
        foreach (var agent in _agents.Values.ToList())
        {
            var stale = agent.Filters.Keys.Where(k => k.FrameworkId == frameworkId && which.Contains(k.Role)).ToList();
            if (stale.Count > 0) _agents[agent.Id] = agent with { Filters = agent.Filters.RemoveRange(stale) };
        }
    }

    public void SetWeight(string role, double weight)
    {
        if (RoleName.Validate(role) is { } bad) throw new ArgumentException(bad, nameof(role));
        if (!(weight > 0) || !double.IsFinite(weight)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "weight must be a positive number");
        _weights = _weights.SetItem(role, weight);
    }

    public void SetQuota(string role, RoleQuota quota)
    {
        if (role == RoleName.Default) throw new ArgumentException("quota can't be set on role '*'", nameof(role));
        if (RoleName.Validate(role) is { } bad) throw new ArgumentException(bad, nameof(role));
        if (!quota.Limits.Allows(quota.Guarantees))
            throw new ArgumentException($"quota of role '{role}': guarantees {quota.Guarantees} exceed limits {quota.Limits}", nameof(quota));
        _quotas = quota.Guarantees.IsEmpty && quota.Limits.IsEmpty ? _quotas.Remove(role) : _quotas.SetItem(role, quota);
    }

    /// <summary>Marks the plan's offers as allocated. The agent must still have them free (checked).</summary>
    public void Apply(AllocationPlan plan)
    {
        foreach (var offer in plan.Offers)
            Allocate(offer.FrameworkId, offer.AgentId, offer.Role, offer.Resources);
    }

    /// <summary>Marks resources as allocated outside a cycle, e.g. tasks an agent reports when it re-registers.</summary>
    public void Allocate(string frameworkId, string agentId, string role, ResourceSet resources)
    {
        var agent = Agent(agentId);
        var f = Framework(frameworkId);
        _agents[agentId] = agent with { Available = agent.Available - resources, Allocated = agent.Allocated + resources };
        _frameworks[frameworkId] = f with { Allocated = f.Allocated.SetItem(role, f.AllocatedTo(role) + resources.Quantities) };
        var key = new FilterKey(frameworkId, role);
        var held = _allocations[agentId];
        held[key] = held.TryGetValue(key, out var before) ? before + resources : resources;
    }

    /// <summary>
    /// Gives resources back (declined, rescinded, unused part of an ACCEPT, or freed by a finished
    /// task) from what <paramref name="frameworkId"/> holds for <paramref name="role"/> on the agent.
    /// With a refusal period the framework won't be offered the same again there until it expires.
    /// </summary>
    public void Recover(string frameworkId, string agentId, string role, ResourceSet resources, double? refuseSeconds, DateTimeOffset now = default)
    {
        Framework(frameworkId);
        var plain = resources.Any(r => r.AllocationRole is not null) ? resources.WithoutAllocation() : resources;
        var key = new FilterKey(frameworkId, role);
        var held = _allocations[agentId];
        if (!held.TryGetValue(key, out var before) || !before.TrySubtract(plain, out var left))
            throw new ResourceInvariantException($"framework {frameworkId} role {role} does not hold {plain} on agent {agentId}");
        if (left.IsEmpty) held.Remove(key);
        else held[key] = left;
        var agent = _agents[agentId];
        _agents[agentId] = agent with { Available = agent.Available + plain, Allocated = agent.Allocated - plain };
        Release(key, plain.Quantities);
        if (OfferFilter.Create(plain.Quantities, refuseSeconds, now) is { } filter)
            AddFilter(agentId, key, filter);
    }

    /// <summary>
    /// RESERVE, UNRESERVE, CREATE or DESTROY on resources the framework role holds on the agent:
    /// <paramref name="from"/> becomes <paramref name="to"/> in the agent's total and in the holding.
    /// The amounts don't change, only their metadata; <paramref name="from"/> must be held (checked).
    /// </summary>
    public void Convert(string frameworkId, string agentId, string role, ResourceSet from, ResourceSet to)
    {
        if (!from.Quantities.Equals(to.Quantities))
            throw new ResourceInvariantException($"conversion must keep amounts: {from} -> {to}");
        var key = new FilterKey(frameworkId, role);
        var held = _allocations[agentId];
        if (!held.TryGetValue(key, out var before) || !before.TrySubtract(from, out var left))
            throw new ResourceInvariantException($"framework {frameworkId} role {role} does not hold {from} on agent {agentId}");
        held[key] = left + to;
        var agent = _agents[agentId];
        var total = agent.Total - from + to;
        _agents[agentId] = new AllocatorAgent(agentId, agent.Hostname, total)
        {
            Available = agent.Available,
            Allocated = agent.Allocated - from + to,
            Active = agent.Active,
            Filters = agent.Filters,
        };
    }

    /// <summary>
    /// Operator RESERVE_RESOURCES / UNRESERVE_RESOURCES on resources nobody holds: <paramref name="from"/>
    /// must be available on the agent (checked) and becomes <paramref name="to"/>, same amounts.
    /// </summary>
    public void ConvertAvailable(string agentId, ResourceSet from, ResourceSet to)
    {
        if (!from.Quantities.Equals(to.Quantities))
            throw new ResourceInvariantException($"conversion must keep amounts: {from} -> {to}");
        var agent = Agent(agentId);
        if (!agent.Available.TrySubtract(from, out var left))
            throw new ResourceInvariantException($"agent {agentId} does not have {from} available");
        _agents[agentId] = new AllocatorAgent(agentId, agent.Hostname, agent.Total - from + to)
        {
            Available = left + to,
            Allocated = agent.Allocated,
            Active = agent.Active,
            Filters = agent.Filters,
        };
    }

    /// <summary>Drops filters whose deadline has come; cheap when none has.</summary>
    public void ExpireFilters(DateTimeOffset now)
    {
        while (_expiries.TryPeek(out var entry, out var at) && at <= now)
        {
            _expiries.Dequeue();
            if (_agents.TryGetValue(entry.AgentId, out var agent) &&
                agent.Filters.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry.Filter))
                _agents[entry.AgentId] = agent with { Filters = agent.Filters.Remove(entry.Key) };
        }
    }

    private void AddFilter(string agentId, FilterKey key, OfferFilter filter)
    {
        var agent = _agents[agentId];
        _agents[agentId] = agent with { Filters = agent.Filters.SetItem(key, filter) };
        _expiries.Enqueue((agentId, key, filter), filter.Expires);
    }

    private void Release(FilterKey key, ResourceQuantities quantities)
    {
        if (!_frameworks.TryGetValue(key.FrameworkId, out var f)) return;
        var left = f.AllocatedTo(key.Role) - quantities;
        _frameworks[key.FrameworkId] = f with { Allocated = left.IsEmpty ? f.Allocated.Remove(key.Role) : f.Allocated.SetItem(key.Role, left) };
    }

    private IEnumerable<KeyValuePair<FilterKey, ResourceSet>> Held(string agentId) =>
        _allocations.TryGetValue(agentId, out var held) ? held.ToList() : [];

    private AllocatorAgent Agent(string id) =>
        _agents.TryGetValue(id, out var a) ? a : throw new InvalidOperationException($"agent {id} is not known");

    private AllocatorFramework Framework(string id) =>
        _frameworks.TryGetValue(id, out var f) ? f : throw new InvalidOperationException($"framework {id} is not known");

    private static ImmutableArray<string> ValidRoles(IEnumerable<string> roles)
    {
        var list = roles.Distinct().ToImmutableArray();
        if (list.IsEmpty) return [RoleName.Default];
        foreach (var role in list)
            if (RoleName.Validate(role) is { } bad)
                throw new ArgumentException(bad, nameof(roles));
        return list;
    }

    private static ImmutableHashSet<string> RolesOrAll(AllocatorFramework f, IEnumerable<string> roles)
    {
        var set = roles.ToImmutableHashSet();
        return set.IsEmpty ? [.. f.Roles] : set;
    }
}
