using Tessera.Testing.Fuzz;

namespace Tessera.Benchmarks;

/// <summary>
/// <c>fuzz [--requests N] [--seed S] [--from I]</c>: the seeded API fuzzer of <c>tests/Tessera.Testing/Fuzz</c>
/// against a whole cluster in this process (master, two agents, the jobs scheduler; a fresh one per
/// 50,000 requests). Prints each failure in full as it happens, progress every 10,000 requests, and last
/// <c>fuzz: N requests, M server errors, K state changes on refusal</c>. Exit 1 when any check failed.
/// <c>--from I</c> starts at request I of the seed's sequence (each request depends only on seed and
/// index), to replay the segment of a long run where something failed.
/// </summary>
internal static class FuzzMode
{
    private const int Segment = 50_000;

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var requests = options.Int("--requests", 20_000);
        var seed = options.Int("--seed", Environment.TickCount & int.MaxValue);
        var start = options.Int("--from", 0, least: 0);
        output.WriteLine(
            $"fuzz: seed {seed}, {requests} requests from {start} (replay with --seed {seed} --from {start})");
        var report = new FuzzReport(seed, output);
        // A cluster keeps what it did (completed tasks, frameworks): a long run takes a fresh one per
        // segment, so each request's state reads cost the same at the millionth as at the first.
        for (var first = start; first < start + requests; first += Segment)
        {
            await using var world = await FuzzWorld.StartAsync();
            var count = Math.Min(Segment, start + requests - first);
            await new FuzzRunner(world, report).RunAsync(first, count, CancellationToken.None);
        }
        output.WriteLine(report);
        return report.Clean ? 0 : 1;
    }
}
