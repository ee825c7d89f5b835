using System.Text;

namespace Tessera.Testing.Fuzz;

/// <summary>The tally of a fuzz run and the first failures in full (request as curl, answer, state diff).</summary>
/// <param name="seed">The run's seed.</param>
/// <param name="log">Where failures go as they happen, and progress every 10,000 requests (none: kept for the report only).</param>
public sealed class FuzzReport(int seed, TextWriter? log = null)
{
    private const int KeptFailures = 20;

    public int Seed { get; } = seed;
    public int Requests { get; set; }
    public int ServerErrors { get; set; }
    public int StateChangesOnRefusal { get; set; }
    public int BadRefusals { get; set; }
    public int Refusals { get; set; }
    public int Accepted { get; set; }
    public int RecheckedNoise { get; set; }
    public int Resubscriptions { get; set; }
    public TimeSpan Elapsed { get; set; }
    public string Timing { get; set; } = "";
    public List<string> Failures { get; } = [];
    public SortedDictionary<string, int> ByStatus { get; } = new(StringComparer.Ordinal);

    public bool Clean => ServerErrors == 0 && StateChangesOnRefusal == 0 && BadRefusals == 0;

    public void Fail(string kind, int index, FuzzRequest request, Uri server, int status, string answer, string? detail = null)
    {
        var text = new StringBuilder($"{kind}: request {index} (seed {Seed}), {request.Sample.Name}, mutation {request.Mutation}, answer {status}\n");
        text.Append("  ").Append(request.ToCurl(server)).Append('\n');
        text.Append("  answer: ").Append(answer.Length > 500 ? answer[..500] + "…" : answer).Append('\n');
        if (detail is not null) text.Append("  ").Append(detail.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
        if (Failures.Count < KeptFailures) Failures.Add(text.ToString());
        log?.Write(text.ToString());
        log?.Flush();
    }

    /// <summary>Times the world could not be put back (a subscription, the residents); the run went on.</summary>
    public int WorldTroubles { get; private set; }

    /// <summary>Notes that the world could not be put back before request <paramref name="index"/>.</summary>
    public void WorldTrouble(int index, string why)
    {
        WorldTroubles++;
        log?.WriteLine($"world: before request {index}: {(why.Length > 4000 ? why[..4000] + "…" : why)}");
    }

    /// <summary>A progress line to the log.</summary>
    public void Progress(TimeSpan segment)
    {
        log?.WriteLine($"fuzz: {Requests} requests, {ServerErrors} server errors, {StateChangesOnRefusal} state changes on refusal, " +
            $"{(Elapsed + segment).TotalSeconds:0} s");
        log?.Flush();
    }

    /// <summary>The report; its last line is the one the issue asks for.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var failure in Failures) text.Append(failure);
        text.Append($"statuses: {string.Join(", ", ByStatus.Select(s => $"{s.Key} {s.Value}"))}\n");
        text.Append($"accepted {Accepted}, refused {Refusals} ({BadRefusals} without a field or leaking internals), ");
        text.Append($"{RecheckedNoise} digest changes from earlier calls ruled out by a repeat, ");
        text.Append($"{Resubscriptions} resubscriptions, {WorldTroubles} times the residents could not be restored, ");
        text.Append($"{Elapsed.TotalSeconds:0.0} s ({Timing})\n");
        text.Append($"fuzz: {Requests} requests, {ServerErrors} server errors, {StateChangesOnRefusal} state changes on refusal");
        return text.ToString();
    }
}
