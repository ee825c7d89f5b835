using Tessera.Agent.Operator;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Agent.Metrics;

/// <summary>
/// The agent's metrics under Mesos' names, from a snapshot: task gauges by current state, terminal
/// counters since start, resources total and used (the resources of live tasks), registration,
/// uptime and the status updates still waiting for an acknowledgement.
/// </summary>
internal static class AgentMetricsMap
{
    public static IReadOnlyList<AgentMetric> Read(AgentSnapshot s)
    {
        var live = s.Tasks.Where(t => !t.IsTerminal).ToList();
        int InState(TaskState state) => live.Count(t => t.Task.State == state);
        AgentMetric Terminal(string name, TaskState state) => new($"slave/tasks_{name}", s.Counters.Count(state), IsCounter: true);
        var cpusTotal = s.Total.Cpus;
        var memTotal = s.Total.Mem;
        var diskTotal = s.Total.Scalar(ResourceNames.Disk).Value;
        var cpusUsed = live.Sum(t => t.Cpus);
        var memUsed = live.Sum(t => t.MemMb);
        var diskUsed = live.Sum(t => t.DiskMb);
        return
        [
            new("slave/uptime_secs", Math.Max(0, (s.Now - s.Counters.StartedAt).TotalSeconds)),
            new("slave/registered", s.Registered ? 1 : 0),
            new("slave/tasks_staging", InState(TaskState.TASK_STAGING)),
            new("slave/tasks_starting", InState(TaskState.TASK_STARTING)),
            new("slave/tasks_running", InState(TaskState.TASK_RUNNING)),
            new("slave/tasks_killing", InState(TaskState.TASK_KILLING)),
            Terminal("finished", TaskState.TASK_FINISHED),
            Terminal("failed", TaskState.TASK_FAILED),
            Terminal("killed", TaskState.TASK_KILLED),
            Terminal("lost", TaskState.TASK_LOST),
            Terminal("error", TaskState.TASK_ERROR),
            Terminal("dropped", TaskState.TASK_DROPPED),
            Terminal("gone", TaskState.TASK_GONE),
            new("slave/executors_running", live.Count(t => t.Container is not null)),
            new("slave/frameworks_active", live.Select(t => t.Framework.Id?.Value).Distinct().Count()),
            new("slave/status_updates_pending", s.PendingUpdates),
            new("slave/cpus_total", cpusTotal),
            new("slave/cpus_used", cpusUsed),
            new("slave/cpus_percent", Percent(cpusUsed, cpusTotal)),
            new("slave/mem_total", memTotal),
            new("slave/mem_used", memUsed),
            new("slave/mem_percent", Percent(memUsed, memTotal)),
            new("slave/disk_total", diskTotal),
            new("slave/disk_used", diskUsed),
            new("slave/disk_percent", Percent(diskUsed, diskTotal)),
        ];
    }

    /// <summary>Mesos reports a fraction (0..1) under <c>_percent</c>.</summary>
    private static double Percent(double used, double total) => total > 0 ? used / total : 0;
}
