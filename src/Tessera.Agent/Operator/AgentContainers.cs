using Tessera.Agent.Containerizer;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Agent.Operator;

/// <summary>
/// GET_CONTAINERS: the containers of live command tasks and of running custom executors, with Mesos' <c>ResourceStatistics</c>. Usage is
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
                .Select(t => Entry(t.Task.FrameworkId, t.Executor, t.Container!, (t.Cpus, t.MemMb, t.DiskMb), now)),
            .. snapshot.Executors.Select(e => Entry(e.FrameworkId, e.Executor, e.Container, (e.Cpus, e.MemMb, e.DiskMb), now)),
        ],
    };

    public static ContainerEntry Entry(FrameworkID frameworkId, ExecutorInfo executor, IContainer container, (double Cpus, double MemMb, double DiskMb) asked, DateTimeOffset now) => new()
    {
        FrameworkId = frameworkId,
        ExecutorId = executor.ExecutorId,
        ExecutorName = executor.Name,
        ContainerId = ContainerID.Of(container.Id),
        ContainerStatus = new ContainerStatus { ContainerId = ContainerID.Of(container.Id), ExecutorPid = container.Pid > 0 ? (uint)container.Pid : null },
        ResourceStatistics = Statistics(asked, container.Usage(), now),
    };

    /// <summary>Mesos field by field: user/system CPU seconds, rss and total memory, limits, processes.</summary>
    public static ResourceStatistics Statistics((double Cpus, double MemMb, double DiskMb) task, ContainerUsage? usage, DateTimeOffset now) => new()
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
