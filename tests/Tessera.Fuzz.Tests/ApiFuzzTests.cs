using System.Globalization;
using Tessera.Testing.Fuzz;
using Xunit.Abstractions;

namespace Tessera.Fuzz.Tests;

/// <summary>
/// The API fuzz suite in CI: 20,000 mutated requests over the Scheduler, Operator, agent link,
/// Executor, agent Operator and jobs APIs of a whole cluster. No 5xx, every 4xx names a field, no
/// refusal changes the state. The seed is fixed unless <c>TESSERA_FUZZ_SEED</c> gives one; a
/// failure prints it with the failing requests as curl lines. Longer runs:
/// <c>dotnet run -c Release --project bench/Tessera.Benchmarks -- fuzz --requests N --seed S</c>.
/// </summary>
public sealed class ApiFuzzTests(ITestOutputHelper output)
{
    private const int Requests = 20_000;
    private const int DefaultSeed = 20261207;

    [Fact]
    public async Task TwentyThousandMutatedRequestsGetNoServerErrorAndRefusalsChangeNothing()
    {
        var seed = Environment.GetEnvironmentVariable("TESSERA_FUZZ_SEED") is { } given
            ? int.Parse(given, CultureInfo.InvariantCulture) : DefaultSeed;
        await using var world = await FuzzWorld.StartAsync();

        var report = await new FuzzRunner(world, new FuzzReport(seed)).RunAsync(0, Requests, CancellationToken.None);

        output.WriteLine(report.ToString());
        Assert.True(report.Clean, $"seed {seed}:\n{report}");
        Assert.Equal(Requests, report.Requests);
        // The run exercised both sides: many calls were taken, many refused.
        Assert.True(report.Accepted > Requests / 10 && report.Refusals > Requests / 2, report.ToString());
    }
}

/// <summary>The mutator is deterministic: a seed names a request.</summary>
public sealed class JsonMutatorTests
{
    [Fact]
    public void TheSameSeedGivesTheSameBytesAndSeedsDiffer()
    {
        const string json = """{"type":"ACCEPT","accept":{"offer_ids":[{"value":"o"}],"filters":{"refuse_seconds":1}}}""";

        var outputs = Enumerable.Range(0, 50).Select(i => Convert.ToBase64String(JsonMutator.Mutate(json, new Random(i)))).ToList();

        Assert.Equal(outputs, Enumerable.Range(0, 50).Select(i => Convert.ToBase64String(JsonMutator.Mutate(json, new Random(i)))));
        Assert.True(outputs.Distinct().Count() > 30, "the mutations hardly differ");
        // A few draws change nothing (removing a key of a value that is no object); most change something.
        var changed = outputs.Count(o => o != Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.True(changed >= 35, $"only {changed} of 50 draws changed the call");
    }

    [Fact]
    public void NumbersPastDoublesRangeNeverBreakTheMutator()
    {
        const string json = """{"a":1e308,"b":[1e400,-1e308,0.5],"c":{"d":18446744073709551616}}""";

        for (var seed = 0; seed < 3000; seed++) Assert.NotEmpty(JsonMutator.Mutate(json, new Random(seed)));
    }
}
