using Tessera.Core.Protocol;

namespace Tessera.Master.Metrics;

/// <summary>
/// The master's metrics under their Mesos names, as <c>/metrics/snapshot</c>, GET_METRICS,
/// <c>/metrics</c> (Prometheus) and the <c>Tessera.Master</c> meter all report them. One table, so
/// the four never disagree.
/// </summary>
internal static class MetricsMap
{
    private static readonly (string Name, MetricKind Kind, Func<MetricsInput, double> Read)[] Table = Build().ToArray();

    public static IEnumerable<(string Name, MetricKind Kind)> Names => Table.Select(t => (t.Name, t.Kind));

    public static IReadOnlyList<MetricSample> Read(MetricsInput input) =>
        [.. Table.Select(t => new MetricSample(t.Name, t.Read(input), t.Kind))];

    public static double Read(MetricsInput input, string name) => Array.Find(Table, t => t.Name == name).Read(input);

    private static IEnumerable<(string, MetricKind, Func<MetricsInput, double>)> Build()
    {
        const MetricKind G = MetricKind.Gauge;
        const MetricKind C = MetricKind.Counter;
        yield return ("master/elected", G, i => i.Elected ? 1 : 0);
        yield return ("master/uptime_secs", G, i => Math.Max(0, (i.Now - i.Snapshot.StartedAt).TotalSeconds));
        yield return ("master/frameworks_active", G, i => i.FrameworksActive);
        yield return ("master/frameworks_inactive", G, i => i.FrameworksInactive);
        yield return ("master/frameworks_connected", G, i => i.FrameworksConnected);
        yield return ("master/frameworks_disconnected", G, i => i.FrameworksDisconnected);
        yield return ("master/slaves_active", G, i => i.AgentsActive);
        yield return ("master/slaves_inactive", G, i => i.AgentsInactive);
        yield return ("master/slaves_connected", G, i => i.AgentsConnected);
        yield return ("master/slaves_disconnected", G, _ => 0);
        yield return ("master/slaves_unreachable", G, i => i.Snapshot.UnreachableAgents);
        yield return ("master/slave_registrations", C, i => i.Counters.AgentsRegistered);
        yield return ("master/slave_reregistrations", C, i => i.Counters.AgentsReregistered);
        yield return ("master/slave_unreachable_completed", C, i => i.Counters.AgentsUnreachable);
        foreach (var state in new[] { TaskState.TASK_STAGING, TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_KILLING, TaskState.TASK_UNREACHABLE })
            yield return (TaskMetric(state), G, i => i.LiveTasks.GetValueOrDefault(state));
        foreach (var state in new[] { TaskState.TASK_FINISHED, TaskState.TASK_FAILED, TaskState.TASK_KILLED, TaskState.TASK_LOST, TaskState.TASK_ERROR, TaskState.TASK_DROPPED, TaskState.TASK_GONE, TaskState.TASK_GONE_BY_OPERATOR })
            yield return (TaskMetric(state), C, i => i.Terminal(state));
        yield return ("master/outstanding_offers", G, i => i.Snapshot.OutstandingOffers);
        yield return ("master/messages_status_update", C, i => i.Counters.StatusUpdates);
        yield return ("master/valid_status_updates", C, i => i.Counters.StatusUpdates);
        yield return ("master/messages_decline_offers", C, i => i.Counters.OffersDeclined);
        yield return ("master/messages_kill_task", C, i => i.Counters.TasksKillRequested);
        yield return ("master/messages_framework_to_executor", C, i => i.Counters.FrameworkMessages);
        yield return ("master/messages_register_framework", C, i => i.Counters.FrameworksSubscribed);
        yield return ("master/frameworks_removed", C, i => i.Counters.FrameworksRemoved);
        yield return ("master/offers_made", C, i => i.Counters.OffersMade);
        yield return ("master/offers_accepted", C, i => i.Counters.OffersAccepted);
        yield return ("master/offers_rescinded", C, i => i.Counters.OffersRescinded);
        yield return ("master/tasks_launched", C, i => i.Counters.TasksLaunched);
        foreach (var name in new[] { "cpus", "mem", "disk", "gpus" })
        {
            yield return ($"master/{name}_total", G, i => i.Total.GetValueOrDefault(name));
            yield return ($"master/{name}_used", G, i => i.Used.GetValueOrDefault(name));
            yield return ($"master/{name}_offered", G, i => i.Offered.GetValueOrDefault(name));
            yield return ($"master/{name}_percent", G, i => i.Total.GetValueOrDefault(name) is > 0 and var total ? i.Used.GetValueOrDefault(name) / total : 0);
        }
        yield return ("allocator/mesos/allocation_runs", C, i => i.Counters.AllocationRuns);
        yield return ("allocator/mesos/allocation_run_ms", G, i => i.Counters.LastAllocationRunMs);
    }

    /// <summary><c>TASK_RUNNING</c> → <c>master/tasks_running</c>.</summary>
    private static string TaskMetric(TaskState state) => "master/tasks_" + state.ToString()["TASK_".Length..].ToLowerInvariant();
}
