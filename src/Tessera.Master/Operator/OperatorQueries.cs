using System.Reflection;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;
using Tessera.Master.Hosting;
using Tessera.Master.Metrics;
using Tessera.Master.Snapshots;
using Tessera.Master.State;
using WireRoleQuota = Tessera.Core.Protocol.Operator.RoleQuota;

namespace Tessera.Master.Operator;

/// <summary>The read-only Operator API calls, answered from a <see cref="MasterSnapshot"/> (never from the live state).</summary>
internal static class OperatorQueries
{
    /// <summary>Tessera's own version (<c>0.1.0</c>), reported in <c>git_tag</c> as <c>tessera-0.1.0</c>.</summary>
    public static readonly string TesseraVersion =
        typeof(OperatorQueries).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static bool IsQuery(OperatorCallType type) => type is OperatorCallType.GET_HEALTH or OperatorCallType.GET_VERSION
        or OperatorCallType.GET_FLAGS or OperatorCallType.GET_METRICS or OperatorCallType.GET_STATE or OperatorCallType.GET_AGENTS
        or OperatorCallType.GET_FRAMEWORKS or OperatorCallType.GET_EXECUTORS or OperatorCallType.GET_TASKS or OperatorCallType.GET_ROLES
        or OperatorCallType.GET_WEIGHTS or OperatorCallType.GET_QUOTA or OperatorCallType.GET_MASTER
        or OperatorCallType.GET_MAINTENANCE_SCHEDULE or OperatorCallType.GET_MAINTENANCE_STATUS;

    public static OperatorResponse Answer(OperatorCallType type, MasterSnapshot s, MasterOptions options, bool elected, DateTimeOffset now) => type switch
    {
        OperatorCallType.GET_HEALTH => new() { Type = type, GetHealth = new GetHealthResponse { Healthy = true } },
        OperatorCallType.GET_VERSION => new() { Type = type, GetVersion = new GetVersionResponse { VersionInfo = Version } },
        OperatorCallType.GET_FLAGS => new() { Type = type, GetFlags = new GetFlagsResponse { Flags = OperatorFlags.Of(options) } },
        OperatorCallType.GET_METRICS => new()
        {
            Type = type,
            GetMetrics = new GetMetricsResponse
            {
                Metrics = [.. MetricsMap.Read(new MetricsInput(s, elected, now)).Select(m => new Metric { Name = m.Name, Value = m.Value })],
            },
        },
        OperatorCallType.GET_STATE => new() { Type = type, GetState = s.State },
        OperatorCallType.GET_AGENTS => new() { Type = type, GetAgents = s.State.GetAgents },
        OperatorCallType.GET_FRAMEWORKS => new() { Type = type, GetFrameworks = s.State.GetFrameworks },
        OperatorCallType.GET_EXECUTORS => new() { Type = type, GetExecutors = s.State.GetExecutors },
        OperatorCallType.GET_TASKS => new() { Type = type, GetTasks = s.State.GetTasks },
        OperatorCallType.GET_ROLES => new() { Type = type, GetRoles = new GetRolesResponse { Roles = Roles(s) } },
        OperatorCallType.GET_WEIGHTS => new()
        {
            Type = type,
            GetWeights = new GetWeightsResponse
            {
                WeightInfos = [.. s.Weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => new WeightInfo { Role = w.Key, Weight = w.Value })],
            },
        },
        OperatorCallType.GET_QUOTA => new() { Type = type, GetQuota = new GetQuotaResponse { Status = new QuotaStatus { Configs = QuotaConfigs(s) } } },
        OperatorCallType.GET_MASTER => new()
        {
            Type = type,
            GetMaster = new GetMasterResponse
            {
                MasterInfo = s.MasterInfo,
                StartTime = Seconds(s.StartedAt),
                ElectedTime = elected ? Seconds(s.StartedAt) : null,
            },
        },
        OperatorCallType.GET_MAINTENANCE_SCHEDULE => new() { Type = type, GetMaintenanceSchedule = new GetMaintenanceScheduleResponse { Schedule = s.MaintenanceSchedule } },
        OperatorCallType.GET_MAINTENANCE_STATUS => new() { Type = type, GetMaintenanceStatus = new GetMaintenanceStatusResponse { Status = s.MaintenanceStatus } },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a query"),
    };

    public static VersionInfo Version => new()
    {
        Version = MasterIdentity.MesosVersion,
        GitTag = "tessera-" + TesseraVersion,
        BuildUser = "tessera",
    };

    public static double Seconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).TotalSeconds;

    public static IReadOnlyList<QuotaConfig> QuotaConfigs(MasterSnapshot s) =>
    [
        .. s.Quotas.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => new QuotaConfig
        {
            Role = q.Key,
            Guarantees = Map(q.Value.Guarantees.Entries.Select(e => (e.Key, e.Value.Value))),
            Limits = Map(q.Value.Limits.Entries.Select(e => (e.Key, e.Value.Value))),
        }),
    ];

    /// <summary>GET_ROLES: every role with a weight, a quota, a subscribed framework or a reservation.</summary>
    public static IReadOnlyList<Role> Roles(MasterSnapshot s)
    {
        var frameworks = s.State.GetFrameworks?.Frameworks ?? [];
        var agents = s.State.GetAgents?.Agents ?? [];
        var names = new SortedSet<string>(StringComparer.Ordinal);
        names.UnionWith(s.Weights.Keys);
        names.UnionWith(s.Quotas.Keys);
        foreach (var f in frameworks) names.UnionWith(FrameworkRoles.Of(f.FrameworkInfo));
        foreach (var r in agents.SelectMany(a => a.TotalResources ?? []))
            if (WireResources.IsReserved(r)) names.Add(WireResources.ReservationRole(r));
        return [.. names.Select(name =>
        {
            var allocated = frameworks.SelectMany(f => f.AllocatedResources ?? []).Where(r => WireResources.AllocationRole(r) == name).ToList();
            var offered = frameworks.SelectMany(f => f.OfferedResources ?? []).Where(r => WireResources.AllocationRole(r) == name).ToList();
            var reserved = agents.SelectMany(a => a.TotalResources ?? []).Where(r => WireResources.IsReserved(r) && WireResources.ReservationRole(r) == name);
            var quota = s.Quotas.GetValueOrDefault(name);
            return new Role
            {
                Name = name,
                Weight = s.Weights.GetValueOrDefault(name, 1.0),
                Frameworks = [.. frameworks.Where(f => FrameworkRoles.Of(f.FrameworkInfo).Contains(name)).Select(f => f.FrameworkInfo.Id!)],
                Resources = allocated,
                Quota = new WireRoleQuota
                {
                    Role = name,
                    Guarantee = quota is null ? null : Map(quota.Guarantees.Entries.Select(e => (e.Key, e.Value.Value))),
                    Limit = quota is null ? null : Map(quota.Limits.Entries.Select(e => (e.Key, e.Value.Value))),
                    Consumed = WireResources.ScalarMap(allocated),
                },
                Reserved = WireResources.ScalarMap(reserved),
                Allocated = WireResources.ScalarMap(allocated),
                Offered = WireResources.ScalarMap(offered),
            };
        })];
    }

    private static IReadOnlyDictionary<string, ValueScalar>? Map(IEnumerable<(string Name, double Value)> entries)
    {
        var map = entries.ToDictionary(e => e.Name, e => new ValueScalar { Value = e.Value }, StringComparer.Ordinal);
        return map.Count == 0 ? null : map;
    }
}
