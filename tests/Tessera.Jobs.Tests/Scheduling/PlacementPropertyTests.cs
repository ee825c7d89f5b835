using System.Collections.Immutable;
using Tessera.Jobs.Scheduling;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;

namespace Tessera.Jobs.Tests.Scheduling;

/// <summary>Random offers, tasks and running tasks over 100 seeds: no assignment breaks a resource or a constraint.</summary>
public sealed class PlacementPropertyTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 100; seed++)
            data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NoAssignmentExceedsAnOfferOrBreaksAConstraint(int seed)
    {
        var random = new Random(seed);
        var offers = Enumerable.Range(0, random.Next(0, 12)).Select(i => RandomOffer(random, i)).ToArray();
        var jobs = Enumerable.Range(0, random.Next(1, 5)).Select(j => RandomJob(random, j)).ToArray();
        var tasks = new List<ScheduledTask>();
        var placed = new List<PlacedTask>();
        foreach (var (job, template) in jobs)
        {
            for (var i = 0; i < random.Next(1, 15); i++)
            {
                if (offers.Length > 0 && random.Next(4) == 0)
                    placed.Add(Placed(job, offers[random.Next(offers.Length)]));
                else
                    tasks.Add(Pending(template with { InstanceId = i }, $"{job.Name}-{i}"));
            }
        }

        var plan = Placement.Decide(tasks, offers, placed, T0);

        var because = $"seed {seed}";
        // Every task is either assigned or explained, never both.
        Assert.Equal(tasks.Select(t => t.TaskId).Order(StringComparer.Ordinal),
            plan.Assignments.Select(a => a.TaskId).Concat(plan.Pending.Keys).Order(StringComparer.Ordinal));
        Assert.All(plan.Pending.Values, reasons => Assert.False(reasons.IsEmpty, because));

        var byId = tasks.ToDictionary(t => t.TaskId);
        var offerById = offers.ToDictionary(o => o.OfferId);
        foreach (var group in plan.Assignments.GroupBy(a => a.OfferId))
        {
            var offer = offerById[group.Key];
            var specs = group.Select(a => byId[a.TaskId].Spec).ToArray();
            Assert.True(specs.Sum(s => s.Resources.Cpus) <= offer.Cpus + 1e-6, because);
            Assert.True(specs.Sum(s => s.Resources.RamMb) <= offer.RamMb, because);
            Assert.True(specs.Sum(s => s.Resources.DiskMb) <= offer.DiskMb, because);
            Assert.True(specs.Sum(s => s.Resources.Gpus) <= offer.Gpus + 1e-6, because);
            var ports = group.SelectMany(a => a.Ports.Values).ToArray();
            Assert.Equal(ports.Length, ports.Distinct().Count());
            Assert.All(ports, p => Assert.Contains(offer.Ports, r => r.Begin <= p && p <= r.End));
            foreach (var assignment in group)
                Assert.Equal(byId[assignment.TaskId].Spec.Ports.Distinct().Order(), assignment.Ports.Keys.Order());
        }

        foreach (var assignment in plan.Assignments)
        {
            var spec = byId[assignment.TaskId].Spec;
            var offer = offerById[assignment.OfferId];
            var parsed = ConstraintParser.Parse(spec.Job, spec.Constraints);
            Assert.True(parsed.IsValid, because);
            var agentDedicated = offer.Attribute("dedicated");
            Assert.True(agentDedicated is null || agentDedicated == parsed.Dedicated, because);
            foreach (var constraint in parsed.Constraints)
            {
                var value = offer.Attribute(constraint.Attribute);
                if (constraint is ValueConstraint v)
                {
                    Assert.True(v.Allows(value), $"{because}: {constraint}");
                }
                else if (constraint is LimitConstraint l)
                {
                    Assert.NotNull(value);
                    var before = placed.Count(p => p.Job == spec.Job && p.Attribute(l.Attribute) == value);
                    var added = plan.Assignments.Count(a =>
                        byId[a.TaskId].Spec.Job == spec.Job && offerById[a.OfferId].Attribute(l.Attribute) == value);
                    Assert.True(before + added <= l.Limit, $"{because}: {l.Attribute} {value} has {before}+{added} > {l.Limit}");
                }
            }
        }

        // Deterministic.
        var again = Placement.Decide(tasks.AsEnumerable().Reverse().ToArray(), offers.Reverse().ToArray(), placed, T0);
        Assert.Equal(plan.Assignments, again.Assignments, (x, y) =>
            x.TaskId == y.TaskId && x.OfferId == y.OfferId && x.Ports.SequenceEqual(y.Ports));
    }

    private static PlacementOffer RandomOffer(Random random, int i)
    {
        var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        attributes["rack"] = $"r{random.Next(4)}";
        if (random.Next(3) > 0)
            attributes["zone"] = random.Next(2) == 0 ? "east" : "west";
        if (random.Next(8) == 0)
            attributes["dedicated"] = random.Next(2) == 0 ? "team0/db" : "*/shared";
        var ports = random.Next(4) == 0 ? [] : new[] { new PortRange(31000 + random.Next(10), 31000 + random.Next(10, 14)) };
        return new PlacementOffer($"o{i}", $"agent-{i:00}", $"host-{random.Next(8)}", attributes.ToImmutable(),
            random.Next(1, 9) / 2.0, random.Next(1, 9) * 512L, random.Next(1, 9) * 1024L, random.Next(3), [.. ports]);
    }

    private static (JobKey Job, TaskSpec Template) RandomJob(Random random, int j)
    {
        var job = new JobKey("c", $"team{random.Next(2)}", "prod", $"job{j}");
        var constraints = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        switch (random.Next(6))
        {
            case 0: constraints["rack"] = $"limit:{random.Next(1, 3)}"; break;
            case 1: constraints["zone"] = random.Next(2) == 0 ? "east" : "east,west"; break;
            case 2: constraints["zone"] = "!west"; break;
            case 3: constraints["dedicated"] = random.Next(2) == 0 ? $"{job.Role}/db" : "*/shared"; break;
            default: break;
        }
        if (random.Next(2) == 0)
            constraints["host"] = $"limit:{random.Next(1, 4)}";
        string[] portNames = [.. new[] { "http", "health", "admin" }.Take(random.Next(4))];
        var spec = new TaskSpec(job, 0,
            new TaskResources(random.Next(1, 5) / 4.0, random.Next(1, 5) * 256L, random.Next(1, 5) * 512L, random.Next(5) == 0 ? 1 : 0),
            [.. portNames], constraints.ToImmutable(), random.Next(2) == 0, 1, random.Next(3));
        return (job, spec);
    }
}
