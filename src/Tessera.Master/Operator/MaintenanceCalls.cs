using Tessera.Core.Protocol;
using Tessera.Master.Loop;
using Tessera.Master.State;

namespace Tessera.Master.Operator;

/// <summary>
/// UPDATE_MAINTENANCE_SCHEDULE, START_MAINTENANCE and STOP_MAINTENANCE. Machines in the schedule
/// are DRAINING; START takes scheduled machines DOWN (their agents are deactivated: no offers);
/// STOP brings DOWN machines UP (agents reactivated, machines leave the schedule). Agents are
/// matched to machines by hostname. Inverse offers are not sent.
/// </summary>
internal static class MaintenanceCalls
{
    public static CallOutcome UpdateSchedule(MasterRuntime rt, MaintenanceSchedule schedule)
    {
        var seen = new HashSet<MachineID>();
        var windows = schedule.Windows ?? [];
        for (var i = 0; i < windows.Count; i++)
        {
            var field = $"'update_maintenance_schedule.schedule.windows[{i}]";
            if (windows[i].Unavailability.Duration is { Nanoseconds: < 0 })
                return CallOutcome.BadRequest($"{field}.unavailability.duration' must not be negative");
            var machines = windows[i].MachineIds ?? [];
            if (machines.Count == 0) return CallOutcome.BadRequest($"{field}.machine_ids' must not be empty");
            for (var j = 0; j < machines.Count; j++)
            {
                if (Invalid(machines[j]) is { } bad) return CallOutcome.BadRequest($"{field}.machine_ids[{j}]': {bad}");
                if (!seen.Add(machines[j]))
                    return CallOutcome.BadRequest($"{field}.machine_ids[{j}]': machine {Name(machines[j])} is in more than one window");
            }
        }
        foreach (var down in rt.State.Maintenance.Down)
            if (!seen.Contains(down))
                return CallOutcome.BadRequest($"'update_maintenance_schedule.schedule': machine {Name(down)} is DOWN and must stay in the schedule until STOP_MAINTENANCE");
        rt.State.Maintenance.SetSchedule(schedule with { Windows = windows });
        Persist(rt);
        return CallOutcome.Ok;
    }

    public static CallOutcome Start(MasterRuntime rt, IReadOnlyList<MachineID> machines)
    {
        if (machines.Count == 0) return CallOutcome.BadRequest("'start_maintenance.machines' must not be empty");
        for (var i = 0; i < machines.Count; i++)
        {
            if (Invalid(machines[i]) is { } bad) return CallOutcome.BadRequest($"'start_maintenance.machines[{i}]': {bad}");
            if (!rt.State.Maintenance.IsScheduled(machines[i]))
                return CallOutcome.BadRequest($"'start_maintenance.machines[{i}]': machine {Name(machines[i])} is not in the maintenance schedule");
        }
        foreach (var machine in machines)
        {
            rt.State.Maintenance.Down.Add(machine);
            foreach (var agent in AgentsOn(rt, machine)) rt.Agents.SetActive(agent.Id, active: false);
        }
        Persist(rt);
        return CallOutcome.Ok;
    }

    public static CallOutcome Stop(MasterRuntime rt, IReadOnlyList<MachineID> machines)
    {
        if (machines.Count == 0) return CallOutcome.BadRequest("'stop_maintenance.machines' must not be empty");
        for (var i = 0; i < machines.Count; i++)
        {
            if (Invalid(machines[i]) is { } bad) return CallOutcome.BadRequest($"'stop_maintenance.machines[{i}]': {bad}");
            if (!rt.State.Maintenance.Down.Contains(machines[i]))
                return CallOutcome.BadRequest($"'stop_maintenance.machines[{i}]': machine {Name(machines[i])} is not DOWN");
        }
        foreach (var machine in machines)
        {
            rt.State.Maintenance.BringUp(machine);
            foreach (var agent in AgentsOn(rt, machine)) rt.Agents.SetActive(agent.Id, active: true);
        }
        Persist(rt);
        return CallOutcome.Ok;
    }

    private static List<AgentRecord> AgentsOn(MasterRuntime rt, MachineID machine) =>
        [.. rt.State.Agents.Values.Where(a => machine.Hostname is { } h && string.Equals(a.Hostname, h, StringComparison.OrdinalIgnoreCase))];

    private static string? Invalid(MachineID machine) =>
        string.IsNullOrWhiteSpace(machine.Hostname) && string.IsNullOrWhiteSpace(machine.Ip) ? "a machine needs a 'hostname' or an 'ip'"
        : machine.Ip is { } ip && !System.Net.IPAddress.TryParse(ip, out _) ? $"'ip' {ip} is not an IP address"
        : null;

    private static string Name(MachineID machine) => machine.Hostname ?? machine.Ip ?? "?";

    private static void Persist(MasterRuntime rt)
    {
        rt.Registry.MaintenanceSet(rt.State.Maintenance.ToRegistryJson());
        rt.Changed();
    }
}
