using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// Quota accounting for one cycle. A role's consumption is what its subtree has allocated plus the
/// unallocated resources reserved to it (a reservation counts against quota whether used or not,
/// as in Mesos). Limits shrink offers; unsatisfied guarantees are served first (stage 1) and the
/// unreserved resources they still need are held back from everyone else (headroom).
/// With no quota configured every method returns at once.
/// </summary>
internal sealed class QuotaBook
{
    private readonly AllocationSnapshot _snapshot;
    private readonly Dictionary<string, ResourceQuantities> _consumed = new(StringComparer.Ordinal);
    private ResourceQuantities _unallocated = ResourceQuantities.Empty;

    public QuotaBook(AllocationSnapshot snapshot)
    {
        _snapshot = snapshot;
        if (snapshot.Quotas.IsEmpty) return;
        foreach (var role in snapshot.Quotas.Keys)
            _consumed[role] = ConsumedAtStart(snapshot, role);
        foreach (var agent in snapshot.Agents)
            if (agent.Active)
                _unallocated += agent.Available.Unreserved().Quantities;
    }

    public bool Any => _consumed.Count > 0;

    public bool HasUnsatisfiedGuarantees => _consumed.Keys.Any(r => !Unsatisfied(r).IsEmpty);

    /// <summary>What <paramref name="role"/>'s guarantee still lacks.</summary>
    public ResourceQuantities Unsatisfied(string role) =>
        _snapshot.Quotas.TryGetValue(role, out var quota) && !quota.Guarantees.IsEmpty
            ? quota.Guarantees - _consumed[role]
            : ResourceQuantities.Empty;

    /// <summary>
    /// Shrinks <paramref name="candidate"/> to what the quota of <paramref name="role"/> and its
    /// ancestors allows in this stage. Returns the reason when a limit or headroom removed a name entirely.
    /// </summary>
    public ResourceSet Fit(string role, ResourceSet candidate, bool guaranteeStage, out NotOfferedReason? reason)
    {
        reason = null;
        if (!Any) return candidate;
        foreach (var ancestor in RoleName.SelfAndAncestors(role))
        {
            if (!_snapshot.Quotas.TryGetValue(ancestor, out var quota) || quota.Limits.IsEmpty) continue;
            foreach (var (name, limit) in quota.Limits.Entries)
            {
                var consumed = _consumed[ancestor][name];
                var room = limit > consumed ? limit - consumed : ScalarValue.Zero;
                candidate = Shrink(candidate, name, room, out var had);
                if (room.IsZero && !had.IsZero)
                    reason ??= new QuotaLimitReached(role, ancestor, name, limit, consumed, had);
            }
        }
        if (guaranteeStage)
        {
            foreach (var (name, missing) in Unsatisfied(role).Entries)
                candidate = Shrink(candidate, name, missing, out _);
            return candidate;
        }
        return FitHeadroom(role, candidate, ref reason);
    }

    /// <summary>Records an offer so later decisions in the cycle see it.</summary>
    public void Record(string role, ResourceSet offered)
    {
        if (!Any) return;
        var unreserved = offered.Unreserved().Quantities;
        foreach (var ancestor in RoleName.SelfAndAncestors(role))
            if (_consumed.TryGetValue(ancestor, out var consumed))
                _consumed[ancestor] = consumed + unreserved;
        _unallocated -= unreserved;
    }

    private ResourceSet FitHeadroom(string role, ResourceSet candidate, ref NotOfferedReason? reason)
    {
        var required = ResourceQuantities.Empty;
        foreach (var other in _consumed.Keys)
            if (other != role)
                required += Unsatisfied(other);
        foreach (var (name, need) in required.Entries)
        {
            var free = _unallocated[name];
            var spare = free > need ? free - need : ScalarValue.Zero;
            candidate = Shrink(candidate, name, spare, out var had);
            if (spare.IsZero && !had.IsZero)
                reason ??= new HeldForQuotaHeadroom(role, name, need, free);
        }
        return candidate;
    }

    private static ResourceQuantities ConsumedAtStart(AllocationSnapshot snapshot, string role)
    {
        var consumed = ResourceQuantities.Empty;
        foreach (var framework in snapshot.Frameworks)
            foreach (var (r, allocation) in framework.Allocated)
                if (r == role || RoleName.IsStrictSubrole(r, role))
                    consumed += allocation;
        foreach (var agent in snapshot.Agents)
            foreach (var resource in agent.Available.Items)
                if (resource.IsReserved && (resource.ReservationRole == role || RoleName.IsStrictSubrole(resource.ReservationRole, role)))
                    consumed += ResourceSet.Of(resource).Quantities;
        return consumed;
    }

    /// <summary>Keeps at most <paramref name="max"/> of the unreserved scalar <paramref name="name"/>; reserved resources are already counted.</summary>
    internal static ResourceSet Shrink(ResourceSet set, string name, ScalarValue max, out ScalarValue had)
    {
        had = ScalarValue.Zero;
        var changed = false;
        var kept = new List<Resource>(set.Count);
        var room = max;
        foreach (var r in set.Items)
        {
            if (r.Name != name || r.IsReserved || r.Kind != ResourceKind.Scalar)
            {
                kept.Add(r);
                continue;
            }
            had += r.Scalar;
            if (r.Scalar <= room)
            {
                room -= r.Scalar;
                kept.Add(r);
                continue;
            }
            changed = true;
            if (!r.IsAtomic && !room.IsZero) kept.Add(r.WithScalar(room));
            room = ScalarValue.Zero;
        }
        return changed ? ResourceSet.Of(kept) : set;
    }
}
