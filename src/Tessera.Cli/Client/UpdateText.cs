using System.Globalization;
using Tessera.Jobs.Api;
using Tessera.Jobs.Updates;

namespace Tessera.Cli.Client;

/// <summary>
/// The text of <c>tessera update</c>: summaries, the per-instance table (shared by <c>info</c> and
/// the live view of <c>wait</c>), and event lines with times and reasons. Pure.
/// </summary>
internal static class UpdateText
{
    public static readonly string[] ListHeader = ["UPDATE", "JOB", "STATUS", "CREATED", "INSTANCES", "WHY"];

    public static readonly string[] InstanceHeader =
        ["INSTANCE", "PHASE", "CONFIG", "TASK", "STATE", "HEALTH", "IN STATE", "NOTE"];

    public static IReadOnlyList<string> ListRow(UpdateSummary u) =>
        [u.Id, u.Key, u.Status.ToString(), TimeText.Of(u.CreatedAt), Progress(u), u.Reason];

    /// <summary>"2 of 6 done, 1 failed, working 2,3".</summary>
    public static string Progress(UpdateSummary u) =>
        string.Create(CultureInfo.InvariantCulture, $"{u.Succeeded} of {u.Instances} done")
        + (u.Failed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {u.Failed} failed") : "")
        + (u.Working.IsDefaultOrEmpty ? "" : ", working " + string.Join(",", u.Working));

    /// <summary>"update ID of KEY: STATUS (progress)".</summary>
    public static string Headline(UpdateSummary u) => $"update {u.Id} of {u.Key}: {u.Status} ({Progress(u)})";

    public static IReadOnlyList<string> InstanceRow(UpdateInstanceStatus i, DateTimeOffset now, bool forward) =>
    [
        i.Instance.ToString(CultureInfo.InvariantCulture),
        i.Phase.ToString().ToLowerInvariant(),
        Config(i.Config, forward),
        i.TaskId ?? "-",
        i.TaskStatus?.ToString() ?? "-",
        i.Healthy switch { true => "healthy", false => "unhealthy", null => "-" },
        i.Since is { } since ? TimeText.Span(now - since) : "-",
        i.Failures > 0 ? string.Create(CultureInfo.InvariantCulture, $"{i.Failures} failed: {i.Reason}")
            : i.Reason ?? "",
    ];

    /// <summary>
    /// The live table of <c>update wait</c>: narrow enough for an 80-column terminal (no task ids, no reasons).
    /// </summary>
    public static readonly string[] LiveHeader =
        ["INSTANCE", "PHASE", "CONFIG", "STATE", "HEALTH", "IN STATE", "FAILURES"];

    public static IEnumerable<IReadOnlyList<string>> LiveRows(UpdateDetails d, DateTimeOffset now) =>
        d.InstanceStatuses.Select(i => (i, Row: InstanceRow(i, now, Forward(d))))
            .Select(x => (IReadOnlyList<string>)[x.Row[0], x.Row[1], x.Row[2], x.Row[4], x.Row[5], x.Row[6],
                x.i.Failures.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Every instance of the update as table rows.</summary>
    public static IEnumerable<IReadOnlyList<string>> InstanceRows(UpdateDetails d, DateTimeOffset now) =>
        d.InstanceStatuses.Select(i => InstanceRow(i, now, Forward(d)));

    private static bool Forward(UpdateDetails d) =>
        d.Summary.Status.IsForward() || d.Summary.Status == UpdateStatus.ROLLED_FORWARD
        || (d.Summary.Status is UpdateStatus.ABORTED or UpdateStatus.ERROR or UpdateStatus.FAILED
            && !d.Events.Any(e => e.Status == UpdateStatus.ROLLING_BACK));

    /// <summary>"12:00:01 instance 3 INSTANCE_UPDATED: why".</summary>
    public static string EventLine(InstanceEvent e) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{TimeText.Of(e.At)} instance {e.Instance} {e.Action}: {e.Message}");

    /// <summary>"12:00:00 ROLLING_FORWARD: why".</summary>
    public static string EventLine(UpdateEvent e) => $"{TimeText.Of(e.At)} {e.Status}: {e.Message}";

    /// <summary><c>update info</c>: headline, settings, instances, then every event in time order.</summary>
    public static void WriteInfo(TextWriter output, UpdateDetails d, DateTimeOffset now)
    {
        output.WriteLine(Headline(d.Summary));
        if (d.Summary.Message is { } message) output.WriteLine($"message: {message}");
        output.WriteLine(Settings(d.Settings) + string.Create(CultureInfo.InvariantCulture,
            $"; instances {d.FromInstances} -> {d.ToInstances}"));
        Table.Write(output, InstanceHeader, InstanceRows(d, now));
        output.WriteLine("events:");
        foreach (var line in EventLines(d.Events, d.InstanceEvents))
            output.WriteLine("  " + line);
    }

    /// <summary>
    /// Status and instance events as lines in time order; at the same instant the instances' events
    /// come before a status change (the pass that decided them ended with it), except the start.
    /// </summary>
    public static IEnumerable<string> EventLines(IEnumerable<UpdateEvent> events,
        IEnumerable<InstanceEvent> instanceEvents, bool withStart = true) =>
        events.Select((e, i) => (e.At, Rank: i == 0 && withStart ? 0 : 2, Text: EventLine(e)))
            .Concat(instanceEvents.Select(e => (e.At, Rank: 1, Text: EventLine(e))))
            .OrderBy(l => l.At).ThenBy(l => l.Rank).Select(l => l.Text);

    public static string Settings(UpdateSettings s) =>
        $"{Strategy(s.Strategy)} {string.Join(",", s.BatchSizes)}"
        + (s.AutopauseAfterBatch ? " (autopause)" : "")
        + string.Create(CultureInfo.InvariantCulture,
            $", watch {s.WatchSecs} s, max failures {s.MaxPerInstanceFailures} per instance "
            + $"and {s.MaxTotalFailures} in total")
        + (s.RollbackOnFailure ? ", rollback on failure" : ", no rollback")
        + (s.PulseIntervalSecs is { } p ? string.Create(CultureInfo.InvariantCulture, $", pulse every {p} s") : "");

    private static string Strategy(UpdateStrategy strategy) => strategy switch
    {
        UpdateStrategy.VariableBatch => "variable_batch",
        _ => strategy.ToString().ToLowerInvariant(),
    };

    /// <summary>The task's config: "old", "new", "old → new" while moving, "other" when it is neither.</summary>
    private static string Config(string? config, bool forward) => config switch
    {
        null => "-",
        "new" => forward ? "new" : "new -> old",
        "old" => forward ? "old -> new" : "old",
        _ => config,
    };
}
