using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// Places pending tasks on offers, purely: <c>Decide(tasks, offers, placed, now) → plan</c>.
/// <list type="bullet">
/// <item>Order: priority (high first), job key, instance id, task id; offers by agent id, offer id.
/// A task goes to a fitting offer on the host with the fewest active tasks of its job (Aurora
/// implies no host limit; this spreads by preference and never refuses a host for it); among
/// equals, to the first from just after the offer the job used last.</item>
/// <item>An offer fits when the agent is not dedicated to others (an agent with attribute
/// <c>dedicated</c> takes only tasks with that exact dedicated value), every constraint holds
/// (value, negated value, <c>limit:N</c> counting the job's active tasks and those placed in this
/// round), and cpus, ram, disk, gpus and the number of named
/// ports fit what is still free on it.</item>
/// <item>A task left pending gets typed reasons with amounts (<see cref="PendingReason"/>);
/// THROTTLED tasks whose penalty is not over at <c>now</c> are not placed and say until when
/// (those whose penalty is over are placed; the caller moves them THROTTLED → PENDING → ASSIGNED,
/// <see cref="TaskTimers"/> lists the first move). Other states are ignored.</item>
/// </list>
/// Same input, same plan.
/// </summary>
public static class Placement
{
    private const double Epsilon = 1e-9;

    public static PlacementPlan Decide(
        IReadOnlyList<ScheduledTask> tasks, IReadOnlyList<PlacementOffer> offers, IReadOnlyList<PlacedTask> placed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(placed);

        var slots = offers
            .OrderBy(o => o.AgentId, StringComparer.Ordinal)
            .ThenBy(o => o.OfferId, StringComparer.Ordinal)
            .Select(o => new OfferSlot(o))
            .ToArray();
        var limits = new LimitCounter(placed);
        var parsedByConstraints = new Dictionary<(string Role, object Constraints), ParsedConstraints>(new RoleAndReference());
        var cursors = new Dictionary<JobKey, int>();
        var spreads = new Dictionary<JobKey, HostSpread>();
        var assignments = ImmutableArray.CreateBuilder<TaskAssignment>();
        var pending = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<PendingReason>>(StringComparer.Ordinal);

        var ordered = tasks
            .Where(t => t.Status is ScheduleStatus.PENDING or ScheduleStatus.THROTTLED)
            .OrderByDescending(t => t.Spec.Priority)
            .ThenBy(t => t.Spec.Job.ToString(), StringComparer.Ordinal)
            .ThenBy(t => t.Spec.InstanceId)
            .ThenBy(t => t.TaskId, StringComparer.Ordinal);
        foreach (var task in ordered)
        {
            if (task.Status == ScheduleStatus.THROTTLED && (task.ThrottledUntil ?? task.Since) > now)
            {
                pending[task.TaskId] = [new Throttled(task.ThrottledUntil ?? task.Since)];
                continue;
            }
            var spec = task.Spec;
            var key = (spec.Job.Role, (object)spec.Constraints);
            if (!parsedByConstraints.TryGetValue(key, out var parsed))
                parsedByConstraints[key] = parsed = ConstraintParser.Parse(spec.Job, spec.Constraints);
            if (!parsed.IsValid)
            {
                pending[task.TaskId] = [.. parsed.Errors];
                continue;
            }
            if (slots.Length == 0)
            {
                pending[task.TaskId] = [new NoOffers()];
                continue;
            }

            var portNames = PortNames(spec);
            if (!spreads.TryGetValue(spec.Job, out var spread))
                spreads[spec.Job] = spread = new HostSpread(spec.Job, slots, limits);
            var (chosen, before) = Choose(spec, parsed, portNames.Length, slots, limits,
                cursors.GetValueOrDefault(spec.Job), spread.Floor);
            if (chosen < 0)
            {
                pending[task.TaskId] = Explain(spec, parsed, portNames.Length, slots, limits);
                continue;
            }

            var slot = slots[chosen];
            var numbers = slot.Take(spec.Resources, portNames.Length);
            var ports = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
            for (var p = 0; p < portNames.Length; p++)
                ports[portNames[p]] = numbers[p];
            var offer = slot.Offer;
            limits.Add(new PlacedTask(spec.Job, offer.AgentId, offer.Hostname, offer.Attributes));
            spread.Placed(before);
            cursors[spec.Job] = (chosen + 1) % slots.Length;
            assignments.Add(new TaskAssignment(task.TaskId, offer.OfferId, offer.AgentId, offer.Hostname, ports.ToImmutable()));
        }
        return new PlacementPlan(assignments.ToImmutable(), pending.ToImmutable());
    }

    /// <summary>
    /// The fitting slot whose host holds the fewest of the job's tasks, scanning from
    /// <paramref name="start"/>, and how many its host held; -1 when none fits. A host with no more
    /// than <paramref name="floor"/> (the fewest any host has) ends the scan.
    /// </summary>
    private static (int Slot, int OnHost) Choose(
        TaskSpec spec, ParsedConstraints parsed, int ports, OfferSlot[] slots, LimitCounter limits, int start,
        int floor)
    {
        var chosen = -1;
        var fewest = int.MaxValue;
        for (var k = 0; k < slots.Length && fewest > floor; k++)
        {
            var i = (start + k) % slots.Length;
            if (!Fits(spec, parsed, ports, slots[i], limits)) continue;
            var onHost = limits.Count(spec.Job, PlacementAttributes.Host, slots[i].Offer.Hostname);
            if (onHost >= fewest) continue;
            chosen = i;
            fewest = onHost;
        }
        return (chosen, fewest);
    }

    /// <summary>The distinct port names of a spec, in the order written.</summary>
    internal static string[] PortNames(TaskSpec spec) =>
        spec.Ports.IsDefaultOrEmpty ? [] : spec.Ports.Distinct(StringComparer.Ordinal).ToArray();

    private static bool Fits(TaskSpec spec, ParsedConstraints parsed, int ports, OfferSlot slot, LimitCounter limits)
    {
        if (slot.Dedicated is not null && slot.Dedicated != parsed.Dedicated)
            return false;
        foreach (var constraint in parsed.Constraints)
        {
            if (!Allows(spec.Job, constraint, slot.Offer, limits))
                return false;
        }
        var asked = spec.Resources;
        return asked.Cpus <= slot.Cpus + Epsilon
            && asked.RamMb <= slot.RamMb
            && asked.DiskMb <= slot.DiskMb
            && asked.Gpus <= slot.Gpus + Epsilon
            && ports <= slot.FreePorts;
    }

    private static bool Allows(JobKey job, SchedulingConstraint constraint, PlacementOffer offer, LimitCounter limits)
    {
        var value = offer.Attribute(constraint.Attribute);
        return constraint switch
        {
            ValueConstraint v => v.Allows(value),
            LimitConstraint l => value is not null && limits.Count(job, l.Attribute, value) < l.Limit,
            _ => false,
        };
    }

    // Every offer failed; count what ruled each one out.
    private static ImmutableArray<PendingReason> Explain(
        TaskSpec spec, ParsedConstraints parsed, int ports, OfferSlot[] slots, LimitCounter limits)
    {
        var dedicatedToOthers = 0;
        var excludedBy = new int[parsed.Constraints.Length];
        var shortOn = new int[5];
        var best = new double[5];
        var candidates = 0;
        var asked = spec.Resources;
        double[] wanted = [asked.Cpus, asked.RamMb, asked.DiskMb, asked.Gpus, ports];
        foreach (var slot in slots)
        {
            var excluded = false;
            if (slot.Dedicated is not null && parsed.Dedicated is null)
            {
                dedicatedToOthers++;
                excluded = true;
            }
            for (var c = 0; c < parsed.Constraints.Length; c++)
            {
                if (!Allows(spec.Job, parsed.Constraints[c], slot.Offer, limits))
                {
                    excludedBy[c]++;
                    excluded = true;
                }
            }
            if (excluded)
                continue;
            candidates++;
            double[] free = [slot.Cpus, slot.RamMb, slot.DiskMb, slot.Gpus, slot.FreePorts];
            for (var r = 0; r < free.Length; r++)
            {
                if (wanted[r] > free[r] + Epsilon)
                {
                    best[r] = shortOn[r] == 0 ? free[r] : Math.Max(best[r], free[r]);
                    shortOn[r]++;
                }
            }
        }

        var reasons = ImmutableArray.CreateBuilder<PendingReason>();
        if (dedicatedToOthers > 0)
            reasons.Add(new DedicatedToOthers(dedicatedToOthers));
        for (var c = 0; c < excludedBy.Length; c++)
        {
            if (excludedBy[c] > 0)
                reasons.Add(new ConstraintMismatch(parsed.Constraints[c].Attribute, parsed.Constraints[c].Rule, excludedBy[c]));
        }
        string[] names = ["cpus", "ram", "disk", "gpus", "ports"];
        string[] units = ["cpus", "MB", "MB", "gpus", "ports"];
        for (var r = 0; r < names.Length; r++)
        {
            if (shortOn[r] > 0)
                reasons.Add(new InsufficientResource(names[r], wanted[r], Math.Max(0, best[r]), units[r], shortOn[r], candidates));
        }
        return reasons.ToImmutable();
    }

    // Tasks of one job share their constraints map; parse it once per (role, map instance).
    private sealed class RoleAndReference : IEqualityComparer<(string Role, object Constraints)>
    {
        public bool Equals((string Role, object Constraints) x, (string Role, object Constraints) y) =>
            ReferenceEquals(x.Constraints, y.Constraints) && string.Equals(x.Role, y.Role, StringComparison.Ordinal);

        public int GetHashCode((string Role, object Constraints) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Role), RuntimeHelpers.GetHashCode(obj.Constraints));
    }
}
