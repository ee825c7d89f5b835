using System.Text.Json;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;

namespace Tessera.Master.Operator;

/// <summary>
/// The maintenance schedule and which machines are DOWN. Machines in the schedule that are not down
/// are DRAINING; all others are UP. Owned by the master loop; persisted to the registry as one JSON
/// document (<see cref="ToRegistryJson"/>).
/// </summary>
internal sealed class MaintenanceBook
{
    public MaintenanceSchedule Schedule { get; private set; } = new() { Windows = [] };

    public HashSet<MachineID> Down { get; } = [];

    public IEnumerable<MachineID> Scheduled => (Schedule.Windows ?? []).SelectMany(w => w.MachineIds ?? []);

    public IEnumerable<MachineID> Draining => Scheduled.Where(m => !Down.Contains(m));

    public bool IsScheduled(MachineID machine) => Scheduled.Contains(machine);

    public void SetSchedule(MaintenanceSchedule schedule) => Schedule = schedule;

    /// <summary>STOP_MAINTENANCE: the machine is UP again and leaves the schedule.</summary>
    public void BringUp(MachineID machine)
    {
        Down.Remove(machine);
        Schedule = new MaintenanceSchedule
        {
            Windows = [.. (Schedule.Windows ?? [])
                .Select(w => w with { MachineIds = [.. (w.MachineIds ?? []).Where(m => m != machine)] })
                .Where(w => w.MachineIds is { Count: > 0 })],
        };
    }

    public string ToRegistryJson() =>
        $"{{\"schedule\":{MesosJson.Serialize(Schedule)},\"status\":{MesosJson.Serialize(new MaintenanceStatus { DownMachines = [.. Down] })}}}";

    /// <summary>Takes back what <see cref="ToRegistryJson"/> wrote (master restart).</summary>
    public void Restore(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.TryGetProperty("schedule", out var schedule))
            Schedule = MesosJson.Deserialize<MaintenanceSchedule>(schedule.GetRawText());
        Down.Clear();
        if (doc.RootElement.TryGetProperty("status", out var status))
            foreach (var machine in MesosJson.Deserialize<MaintenanceStatus>(status.GetRawText()).DownMachines ?? [])
                Down.Add(machine);
    }
}
