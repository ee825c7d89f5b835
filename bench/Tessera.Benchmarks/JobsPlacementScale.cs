using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Tessera.Jobs;
using Tessera.Jobs.Scheduling;

namespace Tessera.Benchmarks;

/// <summary>
/// <c>jobs-placement [--tasks N] [--agents M] [--rounds R]</c>: one <see cref="Placement.Decide"/> of N
/// pending instances (one job, <c>host limit:N/M+1</c>, a <c>rack</c> value constraint, two named ports)
/// over M agents of 16 cpus, 64 GB, <c>ports:[31000-32000]</c>; then the same with agents too small,
/// so every task is explained. Prints the median over R rounds and the rate in tasks per second.
/// </summary>
public static class JobsPlacementScale
{
    public static int Run(string[] args, TextWriter output)
    {
        int tasks = 1_000, agents = 100, rounds = 21;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 0;
            switch (args[i])
            {
                case "--tasks": tasks = value; i++; break;
                case "--agents": agents = value; i++; break;
                case "--rounds": rounds = value; i++; break;
                default:
                    output.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var job = new JobKey("devcluster", "www-data", "prod", "bench");
        var constraints = new Dictionary<string, string>
        {
            ["host"] = $"limit:{tasks / agents + 1}",
            ["rack"] = "r0,r1,r2,r3",
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);
        var template = new TaskSpec(job, 0, new TaskResources(0.1, 128, 64), ["http", "health"], constraints, IsService: true);
        var now = DateTimeOffset.UnixEpoch;
        var pending = Enumerable.Range(0, tasks)
            .Select(i => ReschedulePolicy.Initial($"www-data-prod-bench-{i}-x", template with { InstanceId = i }, now))
            .ToArray();

        PlacementOffer[] Offers(double cpus) => Enumerable.Range(0, agents).Select(a => new PlacementOffer(
            $"offer-{a}", $"agent-{a:0000}", $"host-{a}",
            new Dictionary<string, string> { ["rack"] = $"r{a % 4}" }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            cpus, 65_536, 1_000_000, 0, [new PortRange(31000, 32000)])).ToArray();

        Measure("fits", Offers(16), expectPlaced: tasks);
        Measure("none fits (all explained)", Offers(0.05), expectPlaced: 0);
        return 0;

        void Measure(string label, PlacementOffer[] offers, int expectPlaced)
        {
            var times = new List<double>();
            PlacementPlan? plan = null;
            for (var r = 0; r < rounds + 3; r++)
            {
                var watch = Stopwatch.StartNew();
                plan = Placement.Decide(pending, offers, [], now);
                watch.Stop();
                if (r >= 3)
                    times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var median = times[times.Count / 2];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"jobs-placement {label}: {tasks} tasks on {agents} agents: placed {plan!.Assignments.Length} (expected {expectPlaced}), median {median:0.00} ms, {tasks / (median / 1000):0} tasks/s"));
        }
    }
}
