using System.Text.Json;
using Tessera.Agent.Tests.Harness;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Http;

public sealed class AgentMetricsEndpointsTests
{
    [Fact]
    public async Task MetricsCountRunningAndEndedTasks()
    {
        await using var fixture = await AgentFixture.StartAsync();
        await using var launcher = await TaskLauncher.StartAsync(fixture);
        using var client = new AgentClient(fixture.Agent.Address);
        var before = await client.GetJsonAsync("/metrics/snapshot");
        Assert.Equal(0, before.GetProperty("slave/tasks_running").GetDouble());
        Assert.Equal(1, before.GetProperty("slave/registered").GetDouble());
        Assert.Equal(4, before.GetProperty("slave/cpus_total").GetDouble());
        Assert.Equal(4096, before.GetProperty("slave/mem_total").GetDouble());

        await launcher.LaunchAsync(("runs", "sleep 60"), ("ends", "exit 0"), ("fails", "exit 3"));
        await launcher.UntilAsync("runs", TaskState.TASK_RUNNING);
        await launcher.UntilAsync("ends", TaskState.TASK_FINISHED);
        await launcher.UntilAsync("fails", TaskState.TASK_FAILED);

        JsonElement after;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            after = await client.GetJsonAsync("/metrics/snapshot");
            if (after.GetProperty("slave/status_updates_pending").GetDouble() == 0) break;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(1, after.GetProperty("slave/tasks_running").GetDouble());
        Assert.Equal(1, after.GetProperty("slave/tasks_finished").GetDouble());
        Assert.Equal(1, after.GetProperty("slave/tasks_failed").GetDouble());
        Assert.Equal(0, after.GetProperty("slave/tasks_killed").GetDouble());
        Assert.Equal(1, after.GetProperty("slave/cpus_used").GetDouble());
        Assert.Equal(128, after.GetProperty("slave/mem_used").GetDouble());
        Assert.Equal(0, after.GetProperty("slave/status_updates_pending").GetDouble());
        Assert.True(after.GetProperty("slave/uptime_secs").GetDouble() > 0);

        var (status, text, type) = await client.GetAsync("/metrics");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("text/plain", type);
        Assert.Contains("# TYPE tessera_agent_tasks_finished counter\ntessera_agent_tasks_finished 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\ntessera_agent_tasks_running 1\n", text, StringComparison.Ordinal);

        var metrics = (await client.CallAsync("GET_METRICS")).GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        Assert.Equal(1, metrics["slave/tasks_failed"]);
    }
}
