using Tessera.Agent.Containerizer;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Agent.Operator;

/// <summary>
/// GET_CONTAINERS: the containers of live tasks with Mesos' <c>ResourceStatistics</c>. Usage is
/// measured here, off the agent loop; limits the isolation doesn't report come from the task's
/// resources, as Mesos does.
/// </summary>
internal static class AgentContainers
{
    public static GetContainersResponse Of(AgentSnapshot snapshot, DateTimeOffset now) => new()
    {
        Containers =
        [
            .. snapshot.Tasks.Where(t => !t.IsTerminal && t.Container is not null)
                .Select(t => Entry(t, t.Container!.Id, t.Container.Pid, t.Container.Usage(), now)),
        ],
    };

    public static ContainerEntry Entry(AgentTaskView task, string containerId, int pid, ContainerUsage? usage, DateTimeOffset now) => new()
    {
        FrameworkId = task.Task.FrameworkId,
        ExecutorId = task.Executor.ExecutorId,
        ExecutorName = task.Executor.Name,
        ContainerId = ContainerID.Of(containerId),
        ContainerStatus = new ContainerStatus { ContainerId = ContainerID.Of(containerId), ExecutorPid = pid > 0 ? (uint)pid : null },
        ResourceStatistics = Statistics(task, usage, now),
    };

    /// <summary>Mesos field by field: user/system CPU seconds, rss and total memory, limits, processes.</summary>
    public static ResourceStatistics Statistics(AgentTaskView task, ContainerUsage? usage, DateTimeOffset now) => new()
    {
        Timestamp = (now - DateTimeOffset.UnixEpoch).TotalSeconds,
        Processes = usage?.Processes,
        CpusUserTimeSecs = usage?.CpuUserSeconds ?? (usage?.CpuSystemSeconds is null ? usage?.CpuSeconds : null),
        CpusSystemTimeSecs = usage?.CpuSystemSeconds,
        CpusLimit = usage?.CpuQuotaCpus ?? (task.Cpus > 0 ? task.Cpus : null),
        MemRssBytes = usage?.MemBytes,
        MemTotalBytes = usage?.MemBytes,
        MemMaxBytes = usage?.MemMaxBytes,
        MemLimitBytes = usage?.MemLimitBytes ?? (task.MemMb > 0 ? (long)(task.MemMb * 1024 * 1024) : null),
        DiskLimitBytes = task.DiskMb > 0 ? (long)(task.DiskMb * 1024 * 1024) : null,
    };
}
