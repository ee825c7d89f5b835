using System.Reflection;
using Tessera.Agent.Metrics;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Agent.Operator;

/// <summary>
/// The agent's read-only Operator API calls, answered from an <see cref="AgentSnapshot"/> (never
/// from the live state). GET_CONTAINERS is answered by <see cref="AgentContainers"/>, which measures.
/// </summary>
internal static class AgentOperatorQueries
{
    /// <summary>The Mesos version Tessera speaks; Tessera's own is in <c>git_tag</c>.</summary>
    public const string MesosVersion = "1.11.0";

    public static readonly string TesseraVersion =
        typeof(AgentOperatorQueries).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static bool IsQuery(AgentCallType type) => type is AgentCallType.GET_HEALTH or AgentCallType.GET_VERSION
        or AgentCallType.GET_FLAGS or AgentCallType.GET_METRICS or AgentCallType.GET_STATE or AgentCallType.GET_TASKS
        or AgentCallType.GET_EXECUTORS or AgentCallType.GET_FRAMEWORKS or AgentCallType.GET_AGENT;

    public static AgentResponse Answer(AgentCallType type, AgentSnapshot s) => type switch
    {
        AgentCallType.GET_HEALTH => new() { Type = type, GetHealth = new GetHealthResponse { Healthy = true } },
        AgentCallType.GET_VERSION => new() { Type = type, GetVersion = new GetVersionResponse { VersionInfo = Version } },
        AgentCallType.GET_FLAGS => new() { Type = type, GetFlags = new GetFlagsResponse { Flags = AgentFlags.Of(s) } },
        AgentCallType.GET_METRICS => new()
        {
            Type = type,
            GetMetrics = new GetMetricsResponse { Metrics = [.. AgentMetricsMap.Read(s).Select(m => new Metric { Name = m.Name, Value = m.Value })] },
        },
        AgentCallType.GET_STATE => new()
        {
            Type = type,
            GetState = new AgentGetStateResponse { GetTasks = Tasks(s), GetExecutors = Executors(s), GetFrameworks = Frameworks(s) },
        },
        AgentCallType.GET_TASKS => new() { Type = type, GetTasks = Tasks(s) },
        AgentCallType.GET_EXECUTORS => new() { Type = type, GetExecutors = Executors(s) },
        AgentCallType.GET_FRAMEWORKS => new() { Type = type, GetFrameworks = Frameworks(s) },
        AgentCallType.GET_AGENT => new() { Type = type, GetAgent = new GetAgentResponse { AgentInfo = s.Info } },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a query"),
    };

    public static VersionInfo Version => new() { Version = MesosVersion, GitTag = "tessera-" + TesseraVersion, BuildUser = "tessera" };

    /// <summary>Live tasks are launched; terminal ones whose last update isn't acknowledged yet are terminated.</summary>
    public static AgentGetTasksResponse Tasks(AgentSnapshot s) => new()
    {
        LaunchedTasks = OrNull(s.Tasks.Where(t => !t.IsTerminal).Select(t => t.Task)),
        TerminatedTasks = OrNull(s.Tasks.Where(t => t.IsTerminal).Select(t => t.Task)),
    };

    public static AgentGetExecutorsResponse Executors(AgentSnapshot s) => new()
    {
        Executors = OrNull(s.Tasks.Where(t => !t.IsTerminal).Select(t => new AgentExecutorEntry { ExecutorInfo = t.Executor })),
        CompletedExecutors = OrNull(s.Tasks.Where(t => t.IsTerminal).Select(t => new AgentExecutorEntry { ExecutorInfo = t.Executor })),
    };

    /// <summary>Frameworks with a live task; those with only finished ones are completed.</summary>
    public static AgentGetFrameworksResponse Frameworks(AgentSnapshot s)
    {
        var live = s.Tasks.Where(t => !t.IsTerminal).Select(t => t.Framework).DistinctBy(f => f.Id?.Value).ToList();
        var liveIds = live.Select(f => f.Id?.Value).ToHashSet();
        var completed = s.Tasks.Select(t => t.Framework).DistinctBy(f => f.Id?.Value).Where(f => !liveIds.Contains(f.Id?.Value));
        return new()
        {
            Frameworks = OrNull(live.Select(f => new AgentFrameworkEntry { FrameworkInfo = f })),
            CompletedFrameworks = OrNull(completed.Select(f => new AgentFrameworkEntry { FrameworkInfo = f })),
        };
    }

    /// <summary>Mesos leaves an empty repeated field out.</summary>
    private static IReadOnlyList<T>? OrNull<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }
}
