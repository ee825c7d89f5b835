using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Allocation;
using Tessera.Core.Resources;

namespace Tessera.Benchmarks;

/// <summary>
/// The allocator at scale, in the shape of Mesos' <c>HierarchicalAllocator_BENCHMARK_Test.DeclineOffers</c>:
/// agents of <c>cpus:2;mem:1024;disk:4096;ports:[31000-32000]</c>, frameworks in one role that decline
/// everything they are offered with a long filter, so every cycle must skip a growing set of filtered
/// framework/agent pairs. A cycle is what the master's allocator loop does: snapshot, decide, apply.
/// Declines are the frameworks' work and are not timed. Prints the median over the measured cycles.
/// </summary>
public static class AllocatorScale
{
    private const string AgentResources = "cpus:2;mem:1024;disk:4096;ports:[31000-32000]";
    private static readonly (int Agents, int Frameworks)[] Suite = [(1_000, 100), (5_000, 500), (10_000, 1_000), (20_000, 2_000)];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        int agents = 10_000, frameworks = 1_000, cycles = 7, warmup = 5, seed = 1;
        var suite = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--agents": agents = Positive(Next(), "--agents"); break;
                    case "--frameworks": frameworks = Positive(Next(), "--frameworks"); break;
                    case "--cycles": cycles = Positive(Next(), "--cycles"); break;
                    case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--suite": suite = true; break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                error.WriteLine($"allocator: {e.Message}");
                return 2;
            }
        }
        output.WriteLine($"# {Environment.ProcessorCount} cpus, .NET {Environment.Version}, seed {seed}, {cycles} cycles after {warmup} warm-up");
        foreach (var (a, f) in suite ? Suite : [(agents, frameworks)])
            output.WriteLine(Measure(a, f, cycles, warmup, seed, output));
        return 0;
    }

    private static string Measure(int agentCount, int frameworkCount, int cycles, int warmup, int seed, TextWriter output)
    {
        var state = new AllocatorState(AllocatorOptions.Default with { Seed = seed });
        var total = ResourceSet.Parse(AgentResources);
        for (var i = 0; i < agentCount; i++)
            state.AddAgent($"agent-{i:D6}", $"host-{i:D6}", total);
        for (var i = 0; i < frameworkCount; i++)
            state.AddFramework($"framework-{i:D5}", ["*"]);

        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var times = new List<double>();
        for (var cycle = 0; cycle < warmup + cycles; cycle++)
        {
            var watch = Stopwatch.StartNew();
            state.ExpireFilters(now);
            var plan = Allocator.Decide(state.Snapshot(), now);
            state.Apply(plan);
            watch.Stop();
            if (cycle >= warmup) times.Add(watch.Elapsed.TotalMilliseconds);
            output.WriteLine($"  cycle {cycle}{(cycle < warmup ? " (warm-up)" : "")}: offers={plan.Offers.Length} ms={watch.Elapsed.TotalMilliseconds:F1}");
            // Every framework declines everything for a day: the filters pile up cycle after cycle.
            foreach (var offer in plan.Offers)
                state.Recover(offer.FrameworkId, offer.AgentId, offer.Role, offer.Resources, refuseSeconds: 86_400, now);
            now += TimeSpan.FromSeconds(1);
        }
        times.Sort();
        var median = times[times.Count / 2];
        return $"allocation cycle: agents={agentCount} frameworks={frameworkCount} ms={median.ToString("F1", CultureInfo.InvariantCulture)}";
    }

    private static int Positive(string text, string flag)
    {
        var v = int.Parse(text, CultureInfo.InvariantCulture);
        return v > 0 ? v : throw new ArgumentException($"{flag} must be positive");
    }
}
