using Tessera.Core.Protocol.Operator;
using Tessera.Core.Resources;
using Tessera.Master.Loop;
using AllocatorRoleQuota = Tessera.Core.Allocation.RoleQuota;

namespace Tessera.Master.Operator;

/// <summary>
/// The Operator API calls that change state, run on the master loop. Every call validates all of its
/// input before it changes anything: bad input is a 400 naming the field and the rule, and no change.
/// Success is 200 with no body, as Mesos answers (202 for RESERVE/UNRESERVE_RESOURCES).
/// </summary>
internal static class OperatorCalls
{
    public static bool IsWrite(OperatorCallType type) => type is OperatorCallType.UPDATE_WEIGHTS or OperatorCallType.UPDATE_QUOTA
        or OperatorCallType.RESERVE_RESOURCES or OperatorCallType.UNRESERVE_RESOURCES
        or OperatorCallType.UPDATE_MAINTENANCE_SCHEDULE or OperatorCallType.START_MAINTENANCE or OperatorCallType.STOP_MAINTENANCE
        or OperatorCallType.DRAIN_AGENT or OperatorCallType.DEACTIVATE_AGENT or OperatorCallType.REACTIVATE_AGENT
        or OperatorCallType.MARK_AGENT_GONE or OperatorCallType.TEARDOWN;

    public static CallOutcome Apply(MasterRuntime rt, OperatorCall call) => call.Type switch
    {
        OperatorCallType.UPDATE_WEIGHTS => call.UpdateWeights is { } w ? UpdateWeights(rt, w) : Missing("update_weights", call),
        OperatorCallType.UPDATE_QUOTA => call.UpdateQuota is { } q ? UpdateQuota(rt, q) : Missing("update_quota", call),
        OperatorCallType.RESERVE_RESOURCES => call.ReserveResources is { } r ? OperatorReservations.Reserve(rt, r) : Missing("reserve_resources", call),
        OperatorCallType.UNRESERVE_RESOURCES => call.UnreserveResources is { } u ? OperatorReservations.Unreserve(rt, u) : Missing("unreserve_resources", call),
        OperatorCallType.UPDATE_MAINTENANCE_SCHEDULE => call.UpdateMaintenanceSchedule is { } m
            ? MaintenanceCalls.UpdateSchedule(rt, m.Schedule) : Missing("update_maintenance_schedule", call),
        OperatorCallType.START_MAINTENANCE => call.StartMaintenance is { } start
            ? MaintenanceCalls.Start(rt, start.Machines ?? []) : Missing("start_maintenance", call),
        OperatorCallType.STOP_MAINTENANCE => call.StopMaintenance is { } stop
            ? MaintenanceCalls.Stop(rt, stop.Machines ?? []) : Missing("stop_maintenance", call),
        OperatorCallType.DRAIN_AGENT => call.DrainAgent is { } d ? Drain(rt, d) : Missing("drain_agent", call),
        OperatorCallType.DEACTIVATE_AGENT => call.DeactivateAgent is { } da
            ? rt.Agents.SetActive(da.AgentId.Value, active: false) : Missing("deactivate_agent", call),
        OperatorCallType.REACTIVATE_AGENT => call.ReactivateAgent is { } ra ? Reactivate(rt, ra.AgentId.Value) : Missing("reactivate_agent", call),
        OperatorCallType.MARK_AGENT_GONE => call.MarkAgentGone is { } g ? rt.Agents.MarkGone(g.AgentId.Value) : Missing("mark_agent_gone", call),
        OperatorCallType.TEARDOWN => call.Teardown is { } t ? Teardown(rt, t.FrameworkId.Value) : Missing("teardown", call),
        _ => CallOutcome.BadRequest($"'type': {call.Type} is not a write call"),
    };

    public static CallOutcome UpdateWeights(MasterRuntime rt, UpdateWeightsCall call)
    {
        var infos = call.WeightInfos ?? [];
        if (infos.Count == 0) return CallOutcome.BadRequest("'update_weights.weight_infos' must not be empty");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < infos.Count; i++)
        {
            var field = $"'update_weights.weight_infos[{i}]";
            if (infos[i].Role is not { } role) return CallOutcome.BadRequest($"{field}.role' is required");
            if (RoleName.Validate(role) is { } bad) return CallOutcome.BadRequest($"{field}.role': {bad}");
            if (!seen.Add(role)) return CallOutcome.BadRequest($"{field}.role': role '{role}' appears more than once");
            // Mesos only asks for > 0; a subnormal or huge weight would turn DRF shares into infinities.
            if (!double.IsNormal(infos[i].Weight) || infos[i].Weight < 0 || infos[i].Weight > ScalarValue.Max.Value)
                return CallOutcome.BadRequest(
                    $"{field}.weight' must be a positive finite number of at most {ScalarValue.Max} (and not subnormal)");
        }
        foreach (var info in infos) rt.State.Allocator.SetWeight(info.Role!, info.Weight);
        rt.Registry.WeightsSet(infos.ToDictionary(w => w.Role!, w => w.Weight, StringComparer.Ordinal));
        rt.Changed();
        return CallOutcome.Ok;
    }

    public static CallOutcome UpdateQuota(MasterRuntime rt, UpdateQuotaCall call)
    {
        // force only skips Mesos' capacity heuristic, which Tessera doesn't apply: accepted, no effect.
        var configs = call.QuotaConfigs ?? [];
        if (configs.Count == 0) return CallOutcome.BadRequest("'update_quota.quota_configs' must not be empty");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var quotas = new List<(string Role, AllocatorRoleQuota Quota, Dictionary<string, double> Guarantees, Dictionary<string, double> Limits)>();
        for (var i = 0; i < configs.Count; i++)
        {
            var field = $"'update_quota.quota_configs[{i}]";
            var role = configs[i].Role;
            if (role == RoleName.Default) return CallOutcome.BadRequest($"{field}.role': quota can't be set on role '*'");
            if (RoleName.Validate(role) is { } bad) return CallOutcome.BadRequest($"{field}.role': {bad}");
            if (!seen.Add(role)) return CallOutcome.BadRequest($"{field}.role': role '{role}' appears more than once");
            if (Quantities(configs[i].Guarantees, $"{field}.guarantees", out var guarantees) is { } gBad) return CallOutcome.BadRequest(gBad);
            if (Quantities(configs[i].Limits, $"{field}.limits", out var limits) is { } lBad) return CallOutcome.BadRequest(lBad);
            foreach (var (name, value) in guarantees)
                if (limits.TryGetValue(name, out var limit) && value > limit)
                    return CallOutcome.BadRequest($"{field}.guarantees.{name}' ({value}) must not exceed '.limits.{name}' ({limit})");
            var quota = new AllocatorRoleQuota(
                ResourceQuantities.Of([.. guarantees.Select(g => (g.Key, g.Value))]),
                Core.Resources.ResourceLimits.Of([.. limits.Select(l => (l.Key, l.Value))]));
            quotas.Add((role, quota, guarantees, limits));
        }
        foreach (var (role, quota, guarantees, limits) in quotas)
        {
            rt.State.Allocator.SetQuota(role, quota);
            if (guarantees.Count == 0 && limits.Count == 0) rt.Registry.QuotaRemoved(role);
            else rt.Registry.QuotaSet(role, guarantees, limits);
        }
        rt.Changed();
        return CallOutcome.Ok;
    }

    private static string? Quantities(IReadOnlyDictionary<string, Core.Protocol.ValueScalar>? map, string field, out Dictionary<string, double> values)
    {
        values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, scalar) in map ?? new Dictionary<string, Core.Protocol.ValueScalar>())
        {
            if (string.IsNullOrWhiteSpace(name)) return $"{field}' has an empty resource name";
            if (scalar is null) return $"{field}.{name}' must be an object with a 'value', not null";
            if (ScalarValue.Problem(scalar.Value) is { } problem) return $"{field}.{name}': {problem}";
            values[name] = scalar.Value;
        }
        return null;
    }

    private static CallOutcome Drain(MasterRuntime rt, DrainAgentCall call)
    {
        TimeSpan? grace = null;
        if (call.MaxGracePeriod is { } g)
        {
            if (g.Nanoseconds < 0) return CallOutcome.BadRequest("'drain_agent.max_grace_period.nanoseconds' must be >= 0");
            grace = g.ToTimeSpan();
        }
        return rt.Agents.Drain(call.AgentId.Value, grace, call.MarkGone ?? false);
    }

    /// <summary>REACTIVATE_AGENT: offers resume; a drain in progress or finished is cleared, as in Mesos.</summary>
    private static CallOutcome Reactivate(MasterRuntime rt, string agentId)
    {
        if (rt.State.Agent(agentId) is { } agent) agent.Drain = null;
        return rt.Agents.SetActive(agentId, active: true);
    }

    private static CallOutcome Teardown(MasterRuntime rt, string frameworkId)
    {
        if (rt.State.Framework(frameworkId) is not { } framework)
            return CallOutcome.BadRequest($"'teardown.framework_id': no framework with id '{frameworkId}' is known");
        rt.Frameworks.Remove(framework);
        return CallOutcome.Ok;
    }

    private static CallOutcome Missing(string field, OperatorCall call) => CallOutcome.BadRequest($"'{field}' is required for {call.Type}");
}
