using System.Text.Json;

namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>ContainerStatus</c>: runtime facts about a task's container.</summary>
public sealed record ContainerStatus
{
    /// <summary>The container.</summary>
    public ContainerID? ContainerId { get; init; }

    /// <summary>The networks and the addresses assigned.</summary>
    public IReadOnlyList<NetworkInfo>? NetworkInfos { get; init; }

    /// <summary>cgroup details (kept as raw JSON).</summary>
    public JsonElement? CgroupInfo { get; init; }

    /// <summary>The executor's pid.</summary>
    public uint? ExecutorPid { get; init; }
}
