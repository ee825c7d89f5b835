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

    [Fact]
    public async Task ACommandCheckRunsInsideTheTasksNamespacesAndSeesItsPrivateTmp()
    {
        await using var session = await SchedulerSession.StartAsync();
        Assert.True(session.Cluster.Agent.Isolation.Contains("mount", StringComparison.Ordinal), $"needs root and namespaces; got {session.Cluster.Agent.Isolation}");
        var marker = $"ready-{Guid.NewGuid():N}";
        var check = new HealthCheck
        {
            Type = CheckType.COMMAND,
            // Inside the container: the task's /tmp, and a /proc where the task's init is pid 1.
            Command = new CommandInfo { Shell = true, Value = $"test -e /tmp/{marker} && test \"$(cat /proc/1/comm)\" = tessera-launch" },
            DelaySeconds = 0,
            IntervalSeconds = 0.2,
            GracePeriodSeconds = 20,
            TimeoutSeconds = 5,
        };
        await session.LaunchAsync(Calls.Task("ready", session.AgentId, "cpus:0.1;mem:64", $"sleep 0.5; touch /tmp/{marker}; exec sleep 60") with { HealthCheck = check });
        var updates = await session.UpdatesAsync("ready", s => s.Healthy is not null);
        Assert.Equal((TaskState.TASK_RUNNING, (bool?)true), (updates[^1].State, updates[^1].Healthy));
        Assert.False(File.Exists($"/tmp/{marker}"), "the task's /tmp is private: the host's /tmp has no marker");
    }
}
