using System.Globalization;
using Tessera.Core.Allocation;
using Tessera.Core.Protocol.Operator;
using Tessera.Master.Hosting;

namespace Tessera.Master.Operator;

/// <summary>GET_FLAGS and the v0 <c>flags</c> object: every <see cref="MasterOptions"/> value under its Mesos flag name (underscores), as text.</summary>
internal static class OperatorFlags
{
    public static IReadOnlyList<Flag> Of(MasterOptions o) =>
    [
        .. Pairs(o).Where(p => p.Value is not null).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new Flag { Name = p.Name, Value = p.Value }),
    ];

    private static IEnumerable<(string Name, string? Value)> Pairs(MasterOptions o)
    {
        yield return ("ip", o.Ip);
        yield return ("port", Int(o.Port));
        yield return ("hostname", o.Hostname);
        yield return ("work_dir", o.WorkDir);
        yield return ("allocation_interval", Duration(o.AllocationInterval));
        yield return ("offer_timeout", o.OfferTimeout is { } t ? Duration(t) : null);
        yield return ("agent_ping_timeout", Duration(o.AgentPingTimeout));
        yield return ("max_agent_ping_timeouts", Int(o.MaxAgentPingTimeouts));
        yield return ("heartbeat_interval", Duration(o.HeartbeatInterval));
        yield return ("registry", o.Registry);
        yield return ("roles", o.Roles.IsEmpty ? null : string.Join(',', o.Roles));
        yield return ("weights", o.Weights.IsEmpty ? null
            : string.Join(',', o.Weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}={w.Value.ToString(CultureInfo.InvariantCulture)}")));
        yield return ("min_allocatable_resources", string.Join('|', o.Allocator.MinAllocatable.Alternatives.Select(Quantities)));
        yield return ("role_sorter", Sorter(o.Allocator.RoleSorter));
        yield return ("framework_sorter", Sorter(o.Allocator.FrameworkSorter));
        yield return ("fair_sharing_excluded_resource_names",
            o.Allocator.FairSharingExcludedNames.IsEmpty ? null : string.Join(',', o.Allocator.FairSharingExcludedNames.Order(StringComparer.Ordinal)));
        yield return ("filter_gpu_resources", Bool(o.Allocator.FilterGpuResources));
        yield return ("max_completed_frameworks", Int(o.MaxCompletedFrameworks));
        yield return ("max_completed_tasks_per_framework", Int(o.MaxCompletedTasksPerFramework));
        yield return ("authenticate_frameworks", "false");
        yield return ("authenticate_agents", "false");
        yield return ("authenticate_http_readwrite", "false");
        yield return ("authenticate_http_readonly", "false");
        yield return ("allocator", "HierarchicalDRF");
    }

    /// <summary>Mesos' duration text: <c>1secs</c>, <c>100ms</c>, <c>1mins</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span.Ticks % TimeSpan.TicksPerMinute == 0 && span >= TimeSpan.FromMinutes(1)) return Int((long)span.TotalMinutes) + "mins";
        if (span.Ticks % TimeSpan.TicksPerSecond == 0) return Int((long)span.TotalSeconds) + "secs";
        if (span.Ticks % TimeSpan.TicksPerMillisecond == 0) return Int((long)span.TotalMilliseconds) + "ms";
        return Int(span.Ticks * 100) + "ns";
    }

    private static string Quantities(Core.Resources.ResourceQuantities q) =>
        string.Join(';', q.Entries.Select(e => $"{e.Key}:{e.Value}"));

    private static string Sorter(SorterKind kind) => kind == SorterKind.Random ? "random" : "drf";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
