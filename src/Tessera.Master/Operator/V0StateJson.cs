using System.Text.Encodings.Web;
using System.Text.Json;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Master.Hosting;
using Tessera.Master.Snapshots;

namespace Tessera.Master.Operator;

/// <summary>
/// The legacy v0 JSON of <c>/master/state</c> and <c>/master/state-summary</c> (Mesos'
/// readonly_handler.cpp shapes, "slave" names, flattened resources), written with
/// <see cref="Utf8JsonWriter"/> from a snapshot. Output is ASCII: every non-ASCII character is escaped.
/// </summary>
internal static class V0StateJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default };

    private static readonly TaskState[] SummaryStates =
    [
        TaskState.TASK_STAGING, TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_KILLING, TaskState.TASK_FINISHED,
        TaskState.TASK_KILLED, TaskState.TASK_FAILED, TaskState.TASK_LOST, TaskState.TASK_ERROR, TaskState.TASK_UNREACHABLE,
    ];

    /// <summary>Everything the v0 writers read besides the snapshot.</summary>
    public sealed record Context(MasterSnapshot Snapshot, MasterOptions Options, bool Elected, string? LeaderPid);

    public static byte[] State(Context c)
    {
        var s = c.Snapshot;
        var tasks = TasksByFramework(s);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("version", MasterIdentity.MesosVersion);
            w.WriteString("git_tag", "tessera-" + OperatorQueries.TesseraVersion);
            w.WriteString("build_user", "tessera");
            w.WriteNumber("start_time", OperatorQueries.Seconds(s.StartedAt));
            if (c.Elected) w.WriteNumber("elected_time", OperatorQueries.Seconds(s.StartedAt));
            w.WriteString("id", s.MasterInfo.Id);
            w.WriteString("pid", s.MasterInfo.Pid);
            w.WriteString("hostname", s.MasterInfo.Hostname);
            w.WriteNumber("activated_slaves", Agents(s).Count(a => a.Active && a.Deactivated != true));
            w.WriteNumber("deactivated_slaves", Agents(s).Count(a => a.Deactivated == true));
            w.WriteNumber("unreachable_slaves", s.UnreachableAgents);
            if (c.LeaderPid is { } leader) w.WriteString("leader", leader);
            if (c.Elected)
            {
                w.WritePropertyName("leader_info");
                w.WriteRawValue(MesosJson.SerializeToUtf8Bytes(s.MasterInfo), skipInputValidation: true);
            }
            w.WriteStartObject("flags");
            foreach (var flag in OperatorFlags.Of(c.Options)) w.WriteString(flag.Name, flag.Value);
            w.WriteEndObject();
            w.WriteStartArray("slaves");
            foreach (var agent in Agents(s)) Slave(w, agent, full: true, s);
            w.WriteEndArray();
            w.WriteStartArray("recovered_slaves");
            w.WriteEndArray();
            w.WriteStartArray("frameworks");
            foreach (var f in s.State.GetFrameworks?.Frameworks ?? []) Framework(w, f, tasks, completed: false);
            w.WriteEndArray();
            w.WriteStartArray("completed_frameworks");
            foreach (var f in s.State.GetFrameworks?.CompletedFrameworks ?? []) Framework(w, f, tasks, completed: true);
            w.WriteEndArray();
            w.WriteStartArray("orphan_tasks");
            w.WriteEndArray();
            w.WriteStartArray("unregistered_frameworks");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary><c>/master/state-summary</c>: agents and frameworks with task counts by state instead of the tasks.</summary>
    public static byte[] Summary(Context c)
    {
        var s = c.Snapshot;
        var all = AllTasks(s).ToList();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("hostname", s.MasterInfo.Hostname);
            w.WriteStartArray("slaves");
            foreach (var agent in Agents(s))
            {
                var id = agent.AgentInfo.Id?.Value;
                w.WriteStartObject();
                SlaveFields(w, agent, s);
                var on = all.Where(t => t.AgentId.Value == id).ToList();
                foreach (var state in SummaryStates) w.WriteNumber(state.ToString(), on.Count(t => t.State == state));
                w.WriteStartArray("framework_ids");
                foreach (var fid in on.Select(t => t.FrameworkId.Value).Distinct().Order(StringComparer.Ordinal)) w.WriteStringValue(fid);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("frameworks");
            foreach (var f in s.State.GetFrameworks?.Frameworks ?? [])
            {
                var id = f.FrameworkInfo.Id?.Value;
                w.WriteStartObject();
                FrameworkFields(w, f);
                var of = all.Where(t => t.FrameworkId.Value == id).ToList();
                foreach (var state in SummaryStates) w.WriteNumber(state.ToString(), of.Count(t => t.State == state));
                w.WriteStartArray("slave_ids");
                foreach (var aid in of.Where(t => !Terminal(t.State)).Select(t => t.AgentId.Value).Distinct().Order(StringComparer.Ordinal)) w.WriteStringValue(aid);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static IReadOnlyList<AgentEntry> Agents(MasterSnapshot s) => s.State.GetAgents?.Agents ?? [];

    private static IEnumerable<MesosTask> AllTasks(MasterSnapshot s) =>
        (s.State.GetTasks?.Tasks ?? []).Concat(s.State.GetTasks?.UnreachableTasks ?? []).Concat(s.State.GetTasks?.CompletedTasks ?? []);

    private static bool Terminal(TaskState state) => TaskStates.IsTerminal(state);

    private sealed record FrameworkTasks(List<MesosTask> Live, List<MesosTask> Unreachable, List<MesosTask> Completed);

    private static Dictionary<string, FrameworkTasks> TasksByFramework(MasterSnapshot s)
    {
        var byId = new Dictionary<string, FrameworkTasks>(StringComparer.Ordinal);
        FrameworkTasks Of(MesosTask t) =>
            byId.TryGetValue(t.FrameworkId.Value, out var f) ? f : byId[t.FrameworkId.Value] = new([], [], []);
        foreach (var t in s.State.GetTasks?.Tasks ?? []) Of(t).Live.Add(t);
        foreach (var t in s.State.GetTasks?.UnreachableTasks ?? []) Of(t).Unreachable.Add(t);
        foreach (var t in s.State.GetTasks?.CompletedTasks ?? []) Of(t).Completed.Add(t);
        return byId;
    }

    private static void Slave(Utf8JsonWriter w, AgentEntry agent, bool full, MasterSnapshot s)
    {
        w.WriteStartObject();
        SlaveFields(w, agent, s);
        if (full)
        {
            w.WriteStartArray("capabilities");
            foreach (var cap in agent.Capabilities ?? []) w.WriteStringValue(cap.Type?.ToString());
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void SlaveFields(Utf8JsonWriter w, AgentEntry agent, MasterSnapshot s)
    {
        var info = agent.AgentInfo;
        w.WriteString("id", info.Id?.Value);
        w.WriteString("pid", agent.Pid);
        w.WriteString("hostname", info.Hostname);
        w.WriteNumber("port", info.Port ?? 5051);
        if (agent.RegisteredTime is { } registered) w.WriteNumber("registered_time", Seconds(registered));
        if (agent.ReregisteredTime is { } reregistered) w.WriteNumber("reregistered_time", Seconds(reregistered));
        var total = agent.TotalResources ?? [];
        Resources(w, "resources", total);
        Resources(w, "used_resources", agent.AllocatedResources);
        Resources(w, "offered_resources", agent.OfferedResources);
        w.WriteStartObject("reserved_resources");
        foreach (var role in total.Where(WireResources.IsReserved).Select(WireResources.ReservationRole).Distinct().Order(StringComparer.Ordinal))
            Resources(w, role, total.Where(r => WireResources.IsReserved(r) && WireResources.ReservationRole(r) == role));
        w.WriteEndObject();
        Resources(w, "unreserved_resources", total.Where(r => !WireResources.IsReserved(r)));
        w.WriteStartObject("attributes");
        foreach (var a in info.Attributes ?? []) Attribute(w, a);
        w.WriteEndObject();
        w.WriteBoolean("active", agent.Active && agent.Deactivated != true);
        w.WriteBoolean("deactivated", agent.Deactivated == true);
        if (agent.DrainInfo is { } drain)
        {
            w.WritePropertyName("drain_info");
            w.WriteRawValue(MesosJson.SerializeToUtf8Bytes(drain), skipInputValidation: true);
        }
        w.WriteString("version", agent.Version ?? s.MasterInfo.Version);
    }

    private static void Framework(Utf8JsonWriter w, FrameworkEntry f, Dictionary<string, FrameworkTasks> tasks, bool completed)
    {
        var id = f.FrameworkInfo.Id?.Value ?? "";
        var mine = tasks.GetValueOrDefault(id) ?? new FrameworkTasks([], [], []);
        w.WriteStartObject();
        FrameworkFields(w, f);
        var info = f.FrameworkInfo;
        w.WriteString("user", info.User);
        w.WriteNumber("failover_timeout", info.FailoverTimeout ?? 0);
        w.WriteBoolean("checkpoint", info.Checkpoint ?? false);
        if (info.Principal is { } principal) w.WriteString("principal", principal);
        w.WriteBoolean("recovered", f.Recovered);
        if (f.ReregisteredTime is { } re) w.WriteNumber("reregistered_time", Seconds(re));
        if (f.UnregisteredTime is { } un) w.WriteNumber("unregistered_time", Seconds(un));
        var used = f.AllocatedResources ?? [];
        var offered = f.OfferedResources ?? [];
        Resources(w, "resources", used.Concat(offered));
        w.WriteStartArray("tasks");
        foreach (var t in completed ? [] : mine.Live) Task(w, t);
        w.WriteEndArray();
        w.WriteStartArray("unreachable_tasks");
        foreach (var t in completed ? [] : mine.Unreachable) Task(w, t);
        w.WriteEndArray();
        w.WriteStartArray("completed_tasks");
        foreach (var t in mine.Completed) Task(w, t);
        w.WriteEndArray();
        w.WriteStartArray("offers");
        foreach (var o in f.Offers ?? [])
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id.Value);
            w.WriteString("framework_id", o.FrameworkId.Value);
            w.WriteString("slave_id", o.AgentId.Value);
            Resources(w, "resources", o.Resources);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("executors");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void FrameworkFields(Utf8JsonWriter w, FrameworkEntry f)
    {
        var info = f.FrameworkInfo;
        w.WriteString("id", info.Id?.Value);
        w.WriteString("name", info.Name);
        if (info.HasCapability(FrameworkCapabilityType.MULTI_ROLE))
        {
            w.WriteStartArray("roles");
            foreach (var role in info.Roles ?? []) w.WriteStringValue(role);
            w.WriteEndArray();
        }
        else
        {
            w.WriteString("role", info.Role ?? "*");
        }
        w.WriteString("hostname", info.Hostname ?? "");
        w.WriteString("webui_url", info.WebuiUrl ?? "");
        w.WriteBoolean("active", f.Active);
        w.WriteBoolean("connected", f.Connected);
        if (f.RegisteredTime is { } registered) w.WriteNumber("registered_time", Seconds(registered));
        w.WriteStartArray("capabilities");
        foreach (var cap in info.Capabilities ?? []) w.WriteStringValue(cap.Type?.ToString());
        w.WriteEndArray();
        Resources(w, "used_resources", f.AllocatedResources);
        Resources(w, "offered_resources", f.OfferedResources);
    }

    private static void Task(Utf8JsonWriter w, MesosTask t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.TaskId.Value);
        w.WriteString("name", t.Name);
        w.WriteString("framework_id", t.FrameworkId.Value);
        w.WriteString("executor_id", t.ExecutorId?.Value ?? "");
        w.WriteString("slave_id", t.AgentId.Value);
        w.WriteString("state", t.State.ToString());
        Resources(w, "resources", t.Resources);
        if ((t.Resources ?? []).Select(WireResources.AllocationRole).FirstOrDefault(r => r is not null) is { } role) w.WriteString("role", role);
        w.WriteStartArray("statuses");
        foreach (var status in t.Statuses ?? [])
        {
            w.WriteStartObject();
            w.WriteString("state", status.State.ToString());
            if (status.Timestamp is { } ts) w.WriteNumber("timestamp", ts);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Resources(Utf8JsonWriter w, string name, IEnumerable<Resource>? resources)
    {
        w.WriteStartObject(name);
        foreach (var (key, number, text) in WireResources.Flatten(resources))
        {
            if (number is { } n) w.WriteNumber(key, n);
            else w.WriteString(key, text);
        }
        w.WriteEndObject();
    }

    private static void Attribute(Utf8JsonWriter w, AgentAttribute a)
    {
        switch (a.Type)
        {
            case ValueKind.SCALAR: w.WriteNumber(a.Name, a.Scalar?.Value ?? 0); break;
            case ValueKind.TEXT: w.WriteString(a.Name, a.Text?.Value ?? ""); break;
            case ValueKind.RANGES:
                var flat = WireResources.Flatten([new Resource { Name = a.Name, Type = ValueKind.RANGES, Ranges = a.Ranges }]);
                w.WriteString(a.Name, flat.First(f => f.Name == a.Name).Text);
                break;
            case ValueKind.SET: w.WriteString(a.Name, "{" + string.Join(",", a.Set?.Item ?? []) + "}"); break;
        }
    }

    private static double Seconds(TimeInfo time) => time.Nanoseconds / 1e9;
}
