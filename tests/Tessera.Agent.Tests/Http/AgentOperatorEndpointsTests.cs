using System.Net;
using System.Text.Json;
using Tessera.Agent.Tests.Harness;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Http;

/// <summary>The agent's v1 Operator API with a real task running on it.</summary>
public sealed class AgentOperatorEndpointsTests
{
    private static IEnumerable<string?> Ids(JsonElement list, params string[] path) =>
        list.EnumerateArray().Select(e => path.Aggregate(e, (at, name) => at.GetProperty(name)).GetProperty("value").GetString());

    [Fact]
    public async Task StateTasksExecutorsFrameworksAndContainersShowARunningTask()
    {
        await using var fixture = await AgentFixture.StartAsync();
        await using var launcher = await TaskLauncher.StartAsync(fixture);
        await launcher.LaunchAsync(("web", "sleep 60"));
        await launcher.UntilAsync("web", TaskState.TASK_RUNNING);
        var sandbox = await launcher.SandboxAsync("web");
        using var client = new AgentClient(fixture.Agent.Address);

        var tasks = await client.CallAsync("GET_TASKS");
        var launched = tasks.GetProperty("launched_tasks");
        Assert.Equal(["web"], Ids(launched, "task_id"));
        Assert.Equal("TASK_RUNNING", launched[0].GetProperty("state").GetString());
        Assert.Equal(launcher.FrameworkId, launched[0].GetProperty("framework_id").GetProperty("value").GetString());
        Assert.Equal(fixture.Agent.AgentId, launched[0].GetProperty("agent_id").GetProperty("value").GetString());
        Assert.False(tasks.TryGetProperty("terminated_tasks", out _));

        var executors = await client.CallAsync("GET_EXECUTORS");
        Assert.Equal(["web"], Ids(executors.GetProperty("executors"), "executor_info", "executor_id"));

        var frameworks = await client.CallAsync("GET_FRAMEWORKS");
        Assert.Equal([launcher.FrameworkId], Ids(frameworks.GetProperty("frameworks"), "framework_info", "id"));
        Assert.Equal("agent-http", frameworks.GetProperty("frameworks")[0].GetProperty("framework_info").GetProperty("name").GetString());

        var state = await client.CallAsync("GET_STATE");
        Assert.Equal(["web"], Ids(state.GetProperty("get_tasks").GetProperty("launched_tasks"), "task_id"));
        Assert.Equal(["web"], Ids(state.GetProperty("get_executors").GetProperty("executors"), "executor_info", "executor_id"));
        Assert.Equal([launcher.FrameworkId], Ids(state.GetProperty("get_frameworks").GetProperty("frameworks"), "framework_info", "id"));

        var containers = (await client.CallAsync("GET_CONTAINERS")).GetProperty("containers");
        var container = Assert.Single(containers.EnumerateArray());
        Assert.Equal(Path.GetFileName(sandbox), container.GetProperty("container_id").GetProperty("value").GetString());
        Assert.Equal("web", container.GetProperty("executor_id").GetProperty("value").GetString());
        Assert.Equal(launcher.FrameworkId, container.GetProperty("framework_id").GetProperty("value").GetString());
        var statistics = container.GetProperty("resource_statistics");
        Assert.Equal(1.0, statistics.GetProperty("cpus_limit").GetDouble());
        Assert.Equal(128L * 1024 * 1024, statistics.GetProperty("mem_limit_bytes").GetInt64());
        Assert.InRange(statistics.GetProperty("timestamp").GetDouble(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.True(container.GetProperty("container_status").GetProperty("executor_pid").GetInt32() > 0);
    }

    [Fact]
    public async Task HealthVersionAgentAndFlagsDescribeTheAgent()
    {
        await using var fixture = await AgentFixture.StartAsync();
        using var client = new AgentClient(fixture.Agent.Address);
        Assert.True((await client.CallAsync("GET_HEALTH")).GetProperty("healthy").GetBoolean());
        var version = (await client.CallAsync("GET_VERSION")).GetProperty("version_info");
        Assert.Equal("1.11.0", version.GetProperty("version").GetString());
        Assert.StartsWith("tessera-", version.GetProperty("git_tag").GetString(), StringComparison.Ordinal);
        var info = (await client.CallAsync("GET_AGENT")).GetProperty("agent_info");
        Assert.Equal(fixture.Agent.AgentId, info.GetProperty("id").GetProperty("value").GetString());
        Assert.Equal("127.0.0.1", info.GetProperty("hostname").GetString());
        Assert.Equal(fixture.Agent.Address.Port, info.GetProperty("port").GetInt32());
        Assert.Contains("cpus", info.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var flags = (await client.CallAsync("GET_FLAGS")).GetProperty("flags").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal(fixture.Agent.Isolation, flags["isolation"]);
        Assert.Contains("namespaces (pid, mount, ipc, uts)", flags["isolation"], StringComparison.Ordinal);
        Assert.Equal(Path.Combine(fixture.WorkDir, "agent"), flags["work_dir"]);
    }

    [Fact]
    public async Task BadCallsAreRefusedNamingTheField()
    {
        await using var fixture = await AgentFixture.StartAsync();
        using var client = new AgentClient(fixture.Agent.Address);
        var (status, body) = await client.PostAsync("{\"type\":\"GET_NONSENSE\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'type'", body, StringComparison.Ordinal);
        (status, body) = await client.PostAsync("{}");
        Assert.Equal((HttpStatusCode.BadRequest, "'type' is required\n"), (status, body));
        (status, body) = await client.PostAsync("{\"type\":\"LAUNCH_NESTED_CONTAINER\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("LAUNCH_NESTED_CONTAINER is not supported", body, StringComparison.Ordinal);
        (status, _) = await client.PostAsync("{\"type\":\"GET_HEALTH\"}", "application/x-protobuf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        (status, body) = await client.PostAsync("{\"type\":");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrWhiteSpace(body));
    }
}
