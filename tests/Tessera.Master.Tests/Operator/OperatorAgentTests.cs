using System.Net;
using System.Text.Json;

namespace Tessera.Master.Tests.Operator;

public sealed class OperatorAgentTests
{
    private static async Task<JsonElement?> AgentAsync(OperatorTestMaster master, string id)
    {
        var agents = (await master.QueryAsync("GET_AGENTS")).GetProperty("get_agents");
        if (!agents.TryGetProperty("agents", out var list)) return null;
        foreach (var a in list.EnumerateArray())
            if (a.GetProperty("agent_info").GetProperty("id").GetProperty("value").GetString() == id) return a;
        return null;
    }

    private static bool Deactivated(JsonElement agent) => agent.TryGetProperty("deactivated", out var d) && d.GetBoolean();

    [Fact]
    public async Task Mark_agent_gone_removes_it_and_its_reregistration_is_refused_with_403()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var id = await master.RegisterAgentAsync("h1");

        var (status, body) = await master.WriteAsync($$$$"""{"type":"MARK_AGENT_GONE","mark_agent_gone":{"agent_id":{"value":"{{{{id}}}}"}}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", body);
        Assert.Null(await AgentAsync(master, id));

        var (again, message) = await master.TryRegisterAgentAsync("h1", id);
        Assert.Equal(HttpStatusCode.Forbidden, again);
        Assert.Contains("gone", message);
    }

    [Fact]
    public async Task Mark_agent_gone_of_an_unknown_agent_is_404()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var (status, _) = await master.WriteAsync("""{"type":"MARK_AGENT_GONE","mark_agent_gone":{"agent_id":{"value":"nope"}}}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Drain_agent_deactivates_it_and_reports_drain_info()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var id = await master.RegisterAgentAsync("h1");

        var (status, body) = await master.WriteAsync($$$$"""
            {"type":"DRAIN_AGENT","drain_agent":{"agent_id":{"value":"{{{{id}}}}"},"max_grace_period":{"nanoseconds":1000000000}}}
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", body);

        var agent = (await AgentAsync(master, id))!.Value;
        Assert.True(Deactivated(agent));
        Assert.Equal("DRAINED", agent.GetProperty("drain_info").GetProperty("state").GetString());
        Assert.Equal(1_000_000_000, agent.GetProperty("drain_info").GetProperty("config").GetProperty("max_grace_period").GetProperty("nanoseconds").GetInt64());

        (status, _) = await master.WriteAsync($$$$"""{"type":"REACTIVATE_AGENT","reactivate_agent":{"agent_id":{"value":"{{{{id}}}}"}}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        agent = (await AgentAsync(master, id))!.Value;
        Assert.False(Deactivated(agent));
        Assert.False(agent.TryGetProperty("drain_info", out _));
    }

    [Fact]
    public async Task Deactivate_and_reactivate_agent()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var id = await master.RegisterAgentAsync("h1");

        Assert.Equal(HttpStatusCode.OK, (await master.WriteAsync($$$$"""{"type":"DEACTIVATE_AGENT","deactivate_agent":{"agent_id":{"value":"{{{{id}}}}"}}}""")).Status);
        Assert.True(Deactivated((await AgentAsync(master, id))!.Value));
        var metrics = await master.GetJsonUntilAsync("/metrics/snapshot", m => m.GetProperty("master/slaves_inactive").GetDouble() == 1);
        Assert.Equal(0, metrics.GetProperty("master/slaves_active").GetDouble());

        Assert.Equal(HttpStatusCode.OK, (await master.WriteAsync($$$$"""{"type":"REACTIVATE_AGENT","reactivate_agent":{"agent_id":{"value":"{{{{id}}}}"}}}""")).Status);
        Assert.False(Deactivated((await AgentAsync(master, id))!.Value));

        var (status, _) = await master.WriteAsync("""{"type":"DEACTIVATE_AGENT","deactivate_agent":{"agent_id":{"value":"nope"}}}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Reserve_and_unreserve_resources_on_an_agent()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var id = await master.RegisterAgentAsync("h1");
        const string reserved = """[{"name":"cpus","type":"SCALAR","scalar":{"value":1},"reservations":[{"type":"DYNAMIC","role":"ops","principal":"admin"}]}]""";

        var (status, body) = await master.WriteAsync($$$$"""{"type":"RESERVE_RESOURCES","reserve_resources":{"agent_id":{"value":"{{{{id}}}}"},"resources":{{{{reserved}}}}}}""");
        Assert.True(status == HttpStatusCode.Accepted, body);

        var total = (await AgentAsync(master, id))!.Value.GetProperty("total_resources").EnumerateArray().ToList();
        var ops = Assert.Single(total, r => r.GetProperty("name").GetString() == "cpus" && r.TryGetProperty("reservations", out _));
        Assert.Equal(1, ops.GetProperty("scalar").GetProperty("value").GetDouble());
        Assert.Equal("ops", ops.GetProperty("reservations")[0].GetProperty("role").GetString());
        var role = (await master.QueryAsync("GET_ROLES")).GetProperty("get_roles").GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "ops");
        Assert.Equal(1, role.GetProperty("reserved").GetProperty("cpus").GetProperty("value").GetDouble());

        var state = await master.GetJsonUntilAsync("/master/state", s => s.GetProperty("slaves").GetArrayLength() == 1
            && s.GetProperty("slaves")[0].GetProperty("reserved_resources").TryGetProperty("ops", out _));
        Assert.Equal(3, state.GetProperty("slaves")[0].GetProperty("unreserved_resources").GetProperty("cpus").GetDouble());

        // More than the agent has, and a static reservation, are refused without change.
        var (tooMuch, _) = await master.WriteAsync($$$$"""{"type":"RESERVE_RESOURCES","reserve_resources":{"agent_id":{"value":"{{{{id}}}}"},"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":10},"reservations":[{"type":"DYNAMIC","role":"ops"}]}]}}""");
        Assert.Equal(HttpStatusCode.Conflict, tooMuch);
        var (notDynamic, message) = await master.WriteAsync($$$$"""{"type":"RESERVE_RESOURCES","reserve_resources":{"agent_id":{"value":"{{{{id}}}}"},"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":1}}]}}""");
        Assert.Equal(HttpStatusCode.BadRequest, notDynamic);
        Assert.Contains("reserve_resources.resources", message);

        (status, body) = await master.WriteAsync($$$$"""{"type":"UNRESERVE_RESOURCES","unreserve_resources":{"agent_id":{"value":"{{{{id}}}}"},"resources":{{{{reserved}}}}}}""");
        Assert.True(status == HttpStatusCode.Accepted, body);
        total = (await AgentAsync(master, id))!.Value.GetProperty("total_resources").EnumerateArray().ToList();
        Assert.DoesNotContain(total, r => r.TryGetProperty("reservations", out _));
        Assert.Equal(4, total.Where(r => r.GetProperty("name").GetString() == "cpus").Sum(r => r.GetProperty("scalar").GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Maintenance_schedule_start_and_stop_move_machines_between_draining_down_and_up()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var id = await master.RegisterAgentAsync("h1");

        var (status, body) = await master.WriteAsync("""
            {"type":"UPDATE_MAINTENANCE_SCHEDULE","update_maintenance_schedule":{"schedule":{"windows":[
              {"machine_ids":[{"hostname":"h1"},{"hostname":"h2","ip":"10.0.0.2"}],"unavailability":{"start":{"nanoseconds":1},"duration":{"nanoseconds":3600000000000}}}]}}}
            """);
        Assert.True(status == HttpStatusCode.OK, body);
        var maintenance = (await master.QueryAsync("GET_MAINTENANCE_STATUS")).GetProperty("get_maintenance_status").GetProperty("status");
        Assert.Equal(2, maintenance.GetProperty("draining_machines").GetArrayLength());

        (status, body) = await master.WriteAsync("""{"type":"START_MAINTENANCE","start_maintenance":{"machines":[{"hostname":"h9"}]}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("start_maintenance.machines[0]", body);

        Assert.Equal(HttpStatusCode.OK, (await master.WriteAsync("""{"type":"START_MAINTENANCE","start_maintenance":{"machines":[{"hostname":"h1"}]}}""")).Status);
        maintenance = (await master.QueryAsync("GET_MAINTENANCE_STATUS")).GetProperty("get_maintenance_status").GetProperty("status");
        Assert.Equal("h1", Assert.Single(maintenance.GetProperty("down_machines").EnumerateArray()).GetProperty("hostname").GetString());
        Assert.True(Deactivated((await AgentAsync(master, id))!.Value));

        // A DOWN machine must stay in the schedule.
        (status, body) = await master.WriteAsync("""{"type":"UPDATE_MAINTENANCE_SCHEDULE","update_maintenance_schedule":{"schedule":{"windows":[]}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("h1", body);

        Assert.Equal(HttpStatusCode.OK, (await master.WriteAsync("""{"type":"STOP_MAINTENANCE","stop_maintenance":{"machines":[{"hostname":"h1"}]}}""")).Status);
        Assert.False(Deactivated((await AgentAsync(master, id))!.Value));
        var schedule = (await master.QueryAsync("GET_MAINTENANCE_SCHEDULE")).GetProperty("get_maintenance_schedule").GetProperty("schedule");
        var machines = schedule.GetProperty("windows")[0].GetProperty("machine_ids").EnumerateArray().Select(m => m.GetProperty("hostname").GetString()).ToList();
        Assert.Equal(["h2"], machines);
    }
}
