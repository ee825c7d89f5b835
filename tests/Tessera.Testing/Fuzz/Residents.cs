using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Tessera.Testing.Fuzz;

/// <summary>The fuzz framework's two long-running tasks of one generation, and the reads that find them.</summary>
internal static class Residents
{
    private const string Resources = """[{"name":"cpus","type":"SCALAR","scalar":{"value":0.1},"reservations":[{"type":"STATIC","role":"fuzz"}],"allocation_info":{"role":"fuzz"}},{"name":"mem","type":"SCALAR","scalar":{"value":32},"reservations":[{"type":"STATIC","role":"fuzz"}],"allocation_info":{"role":"fuzz"}}]""";

    /// <summary>Launches the residents of <paramref name="generation"/>; false when they ended at once (a stale offer).</summary>
    public static async Task<bool> LaunchAsync(FuzzFramework framework, string agentId, string offer, int generation, CancellationToken ct)
    {
        var accept = """
            {"type":"ACCEPT","framework_id":{"value":"{{framework_id}}"},"accept":{"offer_ids":[{"value":"OFFER"}],"operations":[{"type":"LAUNCH","launch":{"task_infos":[
              {"name":"resident","task_id":{"value":"fuzz-resident-GEN"},"agent_id":{"value":"AGENT"},"resources":RES,"command":{"shell":true,"value":"sleep 7200"}},
              {"name":"executor","task_id":{"value":"fuzz-executor-task-GEN"},"agent_id":{"value":"AGENT"},"resources":RES,
               "executor":{"type":"CUSTOM","executor_id":{"value":"fuzz-executor-GEN"},"framework_id":{"value":"{{framework_id}}"},"command":{"shell":true,"value":"sleep 7200"},"resources":RES}}]}}]}}
            """.Replace("RES", Resources, StringComparison.Ordinal).Replace("OFFER", offer, StringComparison.Ordinal)
            .Replace("AGENT", agentId, StringComparison.Ordinal).Replace("GEN", generation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var (status, text) = await framework.CallForTextAsync(accept, ct).ConfigureAwait(false);
        if (status != 202)
            throw new InvalidOperationException($"fuzz world: the residents' ACCEPT was refused: {status} {text} " +
                $"(the event stream {(framework.Connected ? "is open" : "has ended: " + framework.EndReason)})");
        if (!await framework.WaitForRunningAsync($"fuzz-resident-{generation}", ct).ConfigureAwait(false)) return false;
        framework.Set("executor_id", $"fuzz-executor-{generation}");
        framework.Set("executor_task_id", $"fuzz-executor-task-{generation}");
        return true;
    }

    /// <summary>
    /// Ends what is left of <paramref name="generation"/>: one resident may live on when the other was
    /// killed, and the custom executor outlives its task (an executor's re-SUBSCRIBE without the task
    /// drops it), holding its share of the reservation until it is shut down.
    /// </summary>
    public static async Task KillAsync(FuzzFramework framework, string agentId, int generation, CancellationToken ct)
    {
        foreach (var task in new[] { $"fuzz-resident-{generation}", $"fuzz-executor-task-{generation}" })
            await framework.CallAsync(
                """{"type":"KILL","framework_id":{"value":"{{framework_id}}"},"kill":{"task_id":{"value":"TASK"},"agent_id":{"value":"AGENT"}}}"""
                .Replace("TASK", task, StringComparison.Ordinal).Replace("AGENT", agentId, StringComparison.Ordinal), ct).ConfigureAwait(false);
        await framework.CallAsync(
            """{"type":"SHUTDOWN","framework_id":{"value":"{{framework_id}}"},"shutdown":{"executor_id":{"value":"EXECUTOR"},"agent_id":{"value":"AGENT"}}}"""
            .Replace("EXECUTOR", $"fuzz-executor-{generation}", StringComparison.Ordinal).Replace("AGENT", agentId, StringComparison.Ordinal), ct)
            .ConfigureAwait(false);
    }

    /// <summary>True when both residents of <paramref name="generation"/> are known to the master and not terminal.</summary>
    public static async Task<bool> RunningAsync(Uri master, string frameworkId, int generation, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await PostAsync(master, """{"type":"GET_TASKS"}""", ct).ConfigureAwait(false));
        var live = json.RootElement.GetProperty("get_tasks").TryGetProperty("tasks", out var tasks)
            ? tasks.EnumerateArray().Where(t => t.GetProperty("framework_id").GetProperty("value").GetString() == frameworkId
                && t.GetProperty("state").GetString() is "TASK_RUNNING" or "TASK_STAGING" or "TASK_STARTING")
                .Select(t => t.GetProperty("task_id").GetProperty("value").GetString()).ToHashSet()
            : [];
        return live.Contains($"fuzz-resident-{generation}") && live.Contains($"fuzz-executor-task-{generation}");
    }

    /// <summary>The container of the command resident (its executor id is its task id).</summary>
    public static async Task<string> ContainerAsync(Uri agent, string frameworkId, int generation, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await PostAsync(agent, """{"type":"GET_CONTAINERS"}""", ct).ConfigureAwait(false));
        foreach (var container in json.RootElement.GetProperty("get_containers").GetProperty("containers").EnumerateArray())
            if (container.TryGetProperty("executor_id", out var id) && id.GetProperty("value").GetString() == $"fuzz-resident-{generation}"
                && container.TryGetProperty("framework_id", out var f) && f.GetProperty("value").GetString() == frameworkId)
                return container.GetProperty("container_id").GetProperty("value").GetString()!;
        throw new InvalidOperationException($"fuzz world: no container of fuzz-resident-{generation} on {agent}");
    }

    /// <summary>
    /// What holds the agent's resources reserved for role fuzz, for error messages: its live tasks
    /// and executors with their fuzz-reserved cpus, and the offers of it outstanding.
    /// </summary>
    public static async Task<string> ReservedViewAsync(Uri master, string agentId, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await PostAsync(master, """{"type":"GET_STATE"}""", ct).ConfigureAwait(false));
        var state = json.RootElement.GetProperty("get_state");
        var parts = new List<string>();
        bool Here(JsonElement e) => e.GetProperty("agent_id").GetProperty("value").GetString() == agentId;
        foreach (var t in Items(state, "get_tasks", "tasks").Where(Here).Where(t => FuzzCpus(t) > 0))
            parts.Add($"task {Short(t.GetProperty("task_id"))} {t.GetProperty("state").GetString()} fuzz-cpus {FuzzCpus(t)}");
        foreach (var e in Items(state, "get_executors", "executors").Where(Here).Where(e => FuzzCpus(e.GetProperty("executor_info")) > 0))
            parts.Add($"executor {Short(e.GetProperty("executor_info").GetProperty("executor_id"))} fuzz-cpus {FuzzCpus(e.GetProperty("executor_info"))}");
        foreach (var f in Items(state, "get_frameworks", "frameworks"))
            foreach (var o in f.TryGetProperty("offers", out var offers) ? offers.EnumerateArray() : [])
                if (Here(o))
                    parts.Add($"offer {Short(o.GetProperty("id"))} to {f.GetProperty("framework_info").GetProperty("name").GetString()} " +
                        $"(role {(o.TryGetProperty("allocation_info", out var a) ? a.GetProperty("role").GetString() : "?")}) fuzz-cpus {FuzzCpus(o)}");
        var agent = Items(state, "get_agents", "agents").FirstOrDefault(a => a.GetProperty("agent_info").GetProperty("id").GetProperty("value").GetString() == agentId);
        if (agent.ValueKind == JsonValueKind.Object)
            parts.Add($"agent total fuzz-cpus {FuzzCpus(agent.GetProperty("agent_info"))}, allocated {Sum(agent, "allocated_resources")}, offered {Sum(agent, "offered_resources")}");
        return string.Join("; ", parts);
    }

    private static string Short(JsonElement id) =>
        id.GetProperty("value").GetString() is { Length: > 60 } long_ ? long_[..60] + "…" : id.GetProperty("value").GetString()!;

    private static double Sum(JsonElement agent, string list) =>
        agent.TryGetProperty(list, out var resources) ? FuzzCpus(JsonDocument.Parse($$"""{"resources":{{resources.GetRawText()}}}""").RootElement) : 0;

    private static IEnumerable<JsonElement> Items(JsonElement state, string part, string list) =>
        state.TryGetProperty(part, out var p) && p.TryGetProperty(list, out var items) ? items.EnumerateArray() : [];

    private static double FuzzCpus(JsonElement holder) =>
        holder.TryGetProperty("resources", out var resources)
            ? resources.EnumerateArray().Where(r => r.GetProperty("name").GetString() == "cpus" && r.GetRawText().Contains("\"role\":\"fuzz\"", StringComparison.Ordinal)
                && r.GetRawText().Contains("STATIC", StringComparison.Ordinal) || (r.GetProperty("name").GetString() == "cpus" && r.TryGetProperty("role", out var role) && role.GetString() == "fuzz"))
                .Sum(r => r.GetProperty("scalar").GetProperty("value").GetDouble())
            : 0;

    /// <summary>The master's GET_STATE, for error messages.</summary>
    public static Task<string> MasterViewAsync(Uri master, CancellationToken ct) => PostAsync(master, """{"type":"GET_STATE"}""", ct);

    private static async Task<string> PostAsync(Uri server, string body, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = server };
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var reply = await http.PostAsync("/api/v1", content, ct).ConfigureAwait(false);
        return await reply.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
    }
}
