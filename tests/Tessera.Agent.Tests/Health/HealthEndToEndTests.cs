using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests.Health;

/// <summary>Health checks of command tasks through a real master, a real agent and the v1 Scheduler API.</summary>
public sealed class HealthEndToEndTests
{
    private static TaskInfo Task(string id, string agentId, uint port, string command, HealthCheck check) =>
        Calls.Task(id, agentId, $"cpus:0.5;mem:64;ports:[{port}-{port}]", command) with { HealthCheck = check };

    private static uint FirstPort(Offer offer) =>
        (uint)offer.Resources!.Single(r => r.Name == "ports").Ranges!.Range![0].Begin;

    [Fact]
    public async Task AnHttpCheckAgainstTheTasksOwnServerReportsHealthy()
    {
        await using var session = await SchedulerSession.StartAsync();
        var port = FirstPort(session.Offer);
        var check = new HealthCheck
        {
            Type = CheckType.HTTP,
            Http = new HttpCheckInfo { Port = port, Path = "/" },
            DelaySeconds = 0,
            IntervalSeconds = 0.2,
            GracePeriodSeconds = 20,
            TimeoutSeconds = 2,
        };
        await session.LaunchAsync(Task("web", session.AgentId, port, $"exec python3 -m http.server {port} --bind 127.0.0.1", check));
        var updates = await session.UpdatesAsync("web", s => s.Healthy is not null);
        var healthy = updates[^1];
        Assert.Equal((TaskState.TASK_RUNNING, true, TaskStatusReason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED), (healthy.State, healthy.Healthy, healthy.Reason));
        Assert.Equal([TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_RUNNING], updates.Select(u => u.State));
    }

    [Fact]
    public async Task ATaskWhoseTcpCheckNeverPassesIsKilledAfterConsecutiveFailures()
    {
        await using var session = await SchedulerSession.StartAsync();
        var port = FirstPort(session.Offer); // nothing listens there
        var check = new HealthCheck
        {
            Type = CheckType.TCP,
            Tcp = new TcpCheckInfo { Port = port },
            DelaySeconds = 0,
            IntervalSeconds = 0.1,
            GracePeriodSeconds = 0,
            TimeoutSeconds = 1,
            ConsecutiveFailures = 2,
        };
        await session.LaunchAsync(Task("deaf", session.AgentId, port, "sleep 60", check));
        var updates = await session.UpdatesAsync("deaf", s => TaskStates.IsTerminal(s.State));
        Assert.Equal(
            [(TaskState.TASK_STARTING, null), (TaskState.TASK_RUNNING, null), (TaskState.TASK_RUNNING, false), (TaskState.TASK_RUNNING, false), (TaskState.TASK_KILLING, null), (TaskState.TASK_KILLED, false)],
            updates.Select(u => (u.State, u.Healthy)));
        Assert.All(updates.Where(u => u.Healthy == false && u.State == TaskState.TASK_RUNNING), u => Assert.Equal(TaskStatusReason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED, u.Reason));
        Assert.Contains("TCP health check failed 2 times consecutively", updates[3].Message, StringComparison.Ordinal);
        Assert.Equal(0, await session.Cluster.Agent.Runtime.AskAsync(rt => rt.Health.Watched));
    }
}
