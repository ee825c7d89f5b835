using System.Globalization;
using Tessera.Core.Flags;
using Tessera.Core.Protocol;

namespace Tessera.Cli.Client;

/// <summary>Maintenance machines, times and schedule edits as the CLI reads and writes them (pure).</summary>
internal static class MaintenanceText
{
    /// <summary>A machine by hostname (the master matches agents to machines by hostname).</summary>
    public static MachineID Machine(string host) =>
        string.IsNullOrWhiteSpace(host) ? throw new CliException("HOST must not be empty", TesseraCommand.ExitUsage) : new MachineID { Hostname = host.Trim() };

    public static string Name(MachineID machine) => machine.Hostname ?? machine.Ip ?? "?";

    /// <summary><c>--start</c>: <c>now</c>, a duration from now (<c>30mins</c>) or a date and time (<c>2026-12-01T02:00Z</c>).</summary>
    public static DateTimeOffset Start(string? text, DateTimeOffset now)
    {
        if (text is null || text.Trim() == "now") return now;
        if (DurationText.TryParse(text, out var after, out _)) return now + after;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        throw new CliException($"--start '{text}': expected now, a duration from now (30mins) or a date and time (2026-12-01T02:00Z)", TesseraCommand.ExitUsage);
    }

    /// <summary><c>--duration</c>: a Mesos-style duration, e.g. <c>1hrs</c>, <c>90mins</c>.</summary>
    public static TimeSpan Duration(string text) => DurationText.TryParse(text, out var d, out var error) && d > TimeSpan.Zero
        ? d
        : throw new CliException($"--duration '{text}': {error ?? "must be longer than zero"}", TesseraCommand.ExitUsage);

    /// <summary>The schedule with <paramref name="machines"/> taken out of every window (windows left empty are dropped).</summary>
    public static MaintenanceSchedule Without(MaintenanceSchedule? schedule, IReadOnlyCollection<MachineID> machines) => new()
    {
        Windows = [.. (schedule?.Windows ?? [])
            .Select(w => w with { MachineIds = [.. (w.MachineIds ?? []).Where(m => !machines.Contains(m))] })
            .Where(w => w.MachineIds!.Count > 0)],
    };

    /// <summary>The schedule with one more window for <paramref name="machines"/> (moved out of any window they were in).</summary>
    public static MaintenanceSchedule With(MaintenanceSchedule? schedule, IReadOnlyList<MachineID> machines, DateTimeOffset start, TimeSpan duration)
    {
        var rest = Without(schedule, machines);
        var window = new MaintenanceWindow
        {
            MachineIds = machines,
            Unavailability = new Unavailability { Start = TimeInfo.From(start), Duration = DurationInfo.From(duration) },
        };
        return new MaintenanceSchedule { Windows = [.. rest.Windows!, window] };
    }

    /// <summary>The rows of <c>maintenance schedule</c>: one per machine (pure).</summary>
    public static IEnumerable<IReadOnlyList<string>> ScheduleRows(MaintenanceSchedule? schedule, IReadOnlyCollection<MachineID> down) =>
        (schedule?.Windows ?? []).SelectMany(w => (w.MachineIds ?? []).Select(m => (IReadOnlyList<string>)
        [
            Name(m),
            TimeText.Of(w.Unavailability.Start),
            w.Unavailability.Duration is { } d ? DurationText.Format(d.ToTimeSpan()) : "-",
            down.Contains(m) ? "down" : "draining",
        ]));
}
