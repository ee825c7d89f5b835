using System.Text;

namespace Tessera.Testing.Fuzz;

/// <summary>The tally of a fuzz run and the first failures in full (request as curl, answer, state diff).</summary>
public sealed class FuzzReport(int seed)
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
        if (Failures.Count >= KeptFailures) return;
        var text = new StringBuilder($"{kind}: request {index} (seed {Seed}), {request.Sample.Name}, mutation {request.Mutation}, answer {status}\n");
        text.Append("  ").Append(request.ToCurl(server)).Append('\n');
        text.Append("  answer: ").Append(answer.Length > 500 ? answer[..500] + "…" : answer).Append('\n');
        if (detail is not null) text.Append("  ").Append(detail.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
        Failures.Add(text.ToString());
    }

    /// <summary>The report; its last line is the one the issue asks for.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var failure in Failures) text.Append(failure);
        text.Append($"statuses: {string.Join(", ", ByStatus.Select(s => $"{s.Key} {s.Value}"))}\n");
        text.Append($"accepted {Accepted}, refused {Refusals} ({BadRefusals} without a field or leaking internals), ");
        text.Append($"{RecheckedNoise} digest changes from earlier calls ruled out by a repeat, {Resubscriptions} resubscriptions, {Elapsed.TotalSeconds:0.0} s ({Timing})\n");
        text.Append($"fuzz: {Requests} requests, {ServerErrors} server errors, {StateChangesOnRefusal} state changes on refusal");
        return text.ToString();
    }
}
