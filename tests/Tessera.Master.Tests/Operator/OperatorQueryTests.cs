using System.Net;
using System.Text.Json;

namespace Tessera.Master.Tests.Operator;

public sealed class OperatorQueryTests
{
    [Theory]
    [InlineData("GET_HEALTH")]
    [InlineData("GET_VERSION")]
    [InlineData("GET_FLAGS")]
    [InlineData("GET_METRICS")]
    [InlineData("GET_STATE")]
    [InlineData("GET_AGENTS")]
    [InlineData("GET_FRAMEWORKS")]
    [InlineData("GET_EXECUTORS")]
    [InlineData("GET_TASKS")]
    [InlineData("GET_ROLES")]
    [InlineData("GET_WEIGHTS")]
    [InlineData("GET_QUOTA")]
    [InlineData("GET_MASTER")]
    [InlineData("GET_MAINTENANCE_SCHEDULE")]
    [InlineData("GET_MAINTENANCE_STATUS")]
    public async Task Every_query_answers_its_type_with_the_body_named_after_it(string type)
    {
        await using var master = await OperatorTestMaster.StartAsync();
        using var response = await master.PostAsync($$$$"""{"type":"{{{{type}}}}"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(type, json.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty(type.ToLowerInvariant()).ValueKind);
    }

    [Fact]
    public async Task Health_version_flags_master_and_metrics_have_the_mesos_shapes()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        Assert.True((await master.QueryAsync("GET_HEALTH")).GetProperty("get_health").GetProperty("healthy").GetBoolean());

        var version = (await master.QueryAsync("GET_VERSION")).GetProperty("get_version").GetProperty("version_info");
        Assert.Equal("1.11.0", version.GetProperty("version").GetString());
        Assert.Equal("tessera-0.1.0", version.GetProperty("git_tag").GetString());

        var flags = (await master.QueryAsync("GET_FLAGS")).GetProperty("get_flags").GetProperty("flags").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal(master.WorkDir, flags["work_dir"]);
        Assert.Equal("50ms", flags["allocation_interval"]);
        Assert.Equal("15secs", flags["agent_ping_timeout"]);
        Assert.Equal("cpus:0.01|mem:32", flags["min_allocatable_resources"]);
        Assert.Equal("in_memory", flags["registry"]);

        var info = (await master.QueryAsync("GET_MASTER")).GetProperty("get_master");
        Assert.Equal(master.Server.MasterId, info.GetProperty("master_info").GetProperty("id").GetString());
        Assert.True(info.GetProperty("start_time").GetDouble() > 1_600_000_000);
        Assert.True(info.TryGetProperty("elected_time", out _));

        var metrics = (await master.QueryAsync("GET_METRICS")).GetProperty("get_metrics").GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        Assert.Equal(1, metrics["master/elected"]);
        Assert.Equal(0, metrics["master/tasks_running"]);
    }

    [Fact]
    public async Task Get_state_and_get_agents_show_an_agent_registered_over_the_agent_link()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var id = await master.RegisterAgentAsync("h1");

        var state = (await master.QueryAsync("GET_STATE")).GetProperty("get_state");
        var agent = Assert.Single(state.GetProperty("get_agents").GetProperty("agents").EnumerateArray());
        Assert.Equal("h1", agent.GetProperty("agent_info").GetProperty("hostname").GetString());
        Assert.Equal(id, agent.GetProperty("agent_info").GetProperty("id").GetProperty("value").GetString());
        Assert.True(agent.GetProperty("active").GetBoolean());
        Assert.Contains(agent.GetProperty("total_resources").EnumerateArray(), r => r.GetProperty("name").GetString() == "cpus" && r.GetProperty("scalar").GetProperty("value").GetDouble() == 4);
        Assert.True(state.TryGetProperty("get_tasks", out _));
        Assert.True(state.TryGetProperty("get_frameworks", out _));
        Assert.True(state.TryGetProperty("get_executors", out _));

        var agents = (await master.QueryAsync("GET_AGENTS")).GetProperty("get_agents").GetProperty("agents");
        Assert.Equal(1, agents.GetArrayLength());
    }

    [Fact]
    public async Task Unknown_and_unsupported_call_types_are_400_naming_them()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var (status, body) = await master.WriteAsync("""{"type":"NOT_A_CALL"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'type'", body);

        (status, body) = await master.WriteAsync("""{"type":"LIST_FILES"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("LIST_FILES", body);

        (status, body) = await master.WriteAsync("""{}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'type' is required", body);

        (status, body) = await master.WriteAsync("""{"type":"UPDATE_WEIGHTS"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'update_weights' is required", body);
    }

    [Fact]
    public async Task Teardown_of_an_unknown_framework_is_400_naming_it()
    {
        await using var master = await OperatorTestMaster.StartAsync();
        var (status, body) = await master.WriteAsync("""{"type":"TEARDOWN","teardown":{"framework_id":{"value":"nope"}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("framework_id", body);
        Assert.Contains("nope", body);
    }
}
