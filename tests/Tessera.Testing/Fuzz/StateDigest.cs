using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Tessera.Testing.Fuzz;

/// <summary>
/// What a refused request must not change, read fresh over the public APIs: frameworks (active,
/// their FrameworkInfo), their outstanding offers, tasks and their states (master and the agent), agents
/// (active, drain, total resources with reservations), quota, weights, maintenance, and jobs with
/// their instance states. One line per fact, sorted; two digests are compared line by line.
/// </summary>
public sealed class StateDigest(Uri master, Uri agent, Uri jobs)
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<IReadOnlyList<string>> ReadAsync(CancellationToken ct)
    {
        var parts = await Task.WhenAll(
            Operator(master, "GET_STATE", ct), Operator(master, "GET_QUOTA", ct), Operator(master, "GET_WEIGHTS", ct),
            Operator(master, "GET_MAINTENANCE_SCHEDULE", ct), Operator(agent, "GET_TASKS", ct), Get(new Uri(jobs, "/api/jobs"), ct)).ConfigureAwait(false);
        var lines = new List<string>();
        using (var state = JsonDocument.Parse(parts[0])) MasterState(state.RootElement.GetProperty("get_state"), lines);
        lines.Add("quota " + Canonical(parts[1]));
        lines.Add("weights " + Canonical(parts[2]));
        lines.Add("maintenance " + Canonical(parts[3]));
        using (var tasks = JsonDocument.Parse(parts[4])) AgentTasks(tasks.RootElement.GetProperty("get_tasks"), lines);
        using (var list = JsonDocument.Parse(parts[5])) Jobs(list.RootElement, lines);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The lines only in <paramref name="before"/> (-) or only in <paramref name="after"/> (+), at most 10.</summary>
    public static string Diff(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        string.Join("\n", before.Except(after).Select(l => "- " + Cut(l)).Concat(after.Except(before).Select(l => "+ " + Cut(l))).Take(10));

    private static void MasterState(JsonElement state, List<string> lines)
    {
        foreach (var f in Items(state, "get_frameworks", "frameworks"))
        {
            var id = f.GetProperty("framework_info").GetProperty("id").GetProperty("value").GetString();
            lines.Add($"framework {id} active={f.GetProperty("active")} info={Json(f, "framework_info")}");
            foreach (var offer in Array(f, "offers")) lines.Add($"offer {offer.GetProperty("id").GetProperty("value").GetString()} of {id}");
        }
        foreach (var list in new[] { "pending_tasks", "tasks", "unreachable_tasks", "completed_tasks" })
            foreach (var t in Items(state, "get_tasks", list))
                lines.Add($"task {t.GetProperty("task_id").GetProperty("value").GetString()} {t.GetProperty("state").GetString()}");
        foreach (var a in Items(state, "get_agents", "agents"))
        {
            var id = a.GetProperty("agent_info").GetProperty("id").GetProperty("value").GetString();
            lines.Add($"agent {id} active={a.GetProperty("active")} deactivated={Json(a, "deactivated")} drain={Json(a, "drain_info")}");
            lines.Add($"agent-total {id} {Json(a, "total_resources")}");
        }
    }

    private static void Jobs(JsonElement list, List<string> lines)
    {
        foreach (var job in list.EnumerateArray())
        {
            var key = job.GetProperty("key").GetString();
            lines.Add($"job-spec {key} instances={job.GetProperty("instances")}");
            lines.Add($"job-states {key} {Json(job, "states")}");
        }
    }

    /// <summary>
    /// The changes no background activity can make, so a refused call made them: quota, weights,
    /// maintenance, job specs added or changed, an agent's total (reservations) while it stays, a
    /// framework or a <c>fuzz@accept-</c> task that did not exist (only the fuzz framework's ACCEPT
    /// names tasks so, and the master records a task before it answers; agents' updates may bring
    /// other tasks later). Task states, offers, jobs' tasks and agents coming and going do change by
    /// themselves.
    /// </summary>
    public static IReadOnlyList<string> CertainChanges(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var ids = before.Select(Id).ToHashSet(StringComparer.Ordinal);
        var afterIds = after.Select(Id).ToHashSet(StringComparer.Ordinal);
        bool Certain(string line, bool added) => Kind(line) switch
        {
            "quota" or "weights" or "maintenance" => true,
            // A killall removes the job once its tasks are gone: a job may vanish by itself, never appear or change.
            "job-spec" => added,
            "agent-total" => ids.Contains(Id(line)) && afterIds.Contains(Id(line)),
            "framework" => added && !ids.Contains(Id(line)),
            "task" => added && !ids.Contains(Id(line)) && Id(line).StartsWith("task fuzz@accept-", StringComparison.Ordinal),
            _ => false,
        };
        return [.. before.Except(after).Where(l => Certain(l, false)).Select(l => "- " + Cut(l)),
            .. after.Except(before).Where(l => Certain(l, true)).Select(l => "+ " + Cut(l))];
    }

    private static string Kind(string line) => line[..line.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>The kind and id of a line (<c>task fuzz-1</c>); the whole line for single-fact kinds.</summary>
    private static string Id(string line)
    {
        var first = line.IndexOf(' ', StringComparison.Ordinal);
        var second = line.IndexOf(' ', first + 1);
        return second < 0 ? line : line[..second];
    }

    private static void AgentTasks(JsonElement tasks, List<string> lines)
    {
        foreach (var list in new[] { "pending_tasks", "queued_tasks", "launched_tasks", "terminated_tasks", "completed_tasks" })
            foreach (var t in Array(tasks, list))
                lines.Add($"agent-task {t.GetProperty("task_id").GetProperty("value").GetString()} {t.GetProperty("state").GetString()}");
    }

    private static IEnumerable<JsonElement> Items(JsonElement state, string part, string list) =>
        state.TryGetProperty(part, out var p) ? Array(p, list) : [];

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static string Json(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetRawText() : "-";

    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetRawText();
    }

    private static string Cut(string line) => line.Length > 300 ? line[..300] + "…" : line;

    private async Task<string> Operator(Uri server, string type, CancellationToken ct)
    {
        var content = new StringContent($$"""{"type":"{{type}}"}""", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var reply = await _http.PostAsync(new Uri(server, "/api/v1"), content, ct).ConfigureAwait(false);
        reply.EnsureSuccessStatusCode();
        return await reply.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
    }

    private async Task<string> Get(Uri uri, CancellationToken ct)
    {
        using var reply = await _http.GetAsync(uri, ct).ConfigureAwait(false);
        reply.EnsureSuccessStatusCode();
        return await reply.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
    }
}
