using Tessera.Testing.Fuzz;

namespace Tessera.Benchmarks;

/// <summary>
/// <c>fuzz [--requests N] [--seed S]</c>: the seeded API fuzzer of <c>tests/Tessera.Testing/Fuzz</c>
/// against a whole cluster in this process (master, two agents, the jobs scheduler). Prints the
/// first failures in full, progress every 10,000 requests, and last
/// <c>fuzz: N requests, M server errors, K state changes on refusal</c>. Exit 1 when any check failed.
/// </summary>
internal static class FuzzMode
{
    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var requests = options.Int("--requests", 20_000);
        var seed = options.Int("--seed", Environment.TickCount & int.MaxValue);
        output.WriteLine($"fuzz: seed {seed}, {requests} requests (replay with --seed {seed})");
        await using var world = await FuzzWorld.StartAsync();
        var report = await new FuzzRunner(world, seed, output).RunAsync(requests, CancellationToken.None);
        output.WriteLine(report);
        return report.Clean ? 0 : 1;
    }
}
