using System.Globalization;
using Tessera.Jobs.Api;

namespace Tessera.Cli.Client;

/// <summary>The text of <c>tessera cron</c>: the job's schedule, next runs and last runs (pure).</summary>
internal static class CronText
{
    public static void Write(TextWriter output, CronStatus cron, string verb)
    {
        var done = verb switch { "scheduled" => "scheduled ", "deschedule" => "descheduled ", "start" => "started ", _ => "" };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{done}cron job {cron.Key}: '{cron.Schedule}' ({cron.TimeZone}), {cron.CollisionPolicy}, "
            + $"{cron.Instances} instance(s), {cron.ActiveTasks} active task(s)"));
        if (verb == "deschedule") return;
        output.WriteLine("next runs: " + (cron.NextRuns.IsDefaultOrEmpty ? "none" : string.Join(", ", cron.NextRuns.Select(TimeText.Of))));
        if (cron.WaitingRun is { } waiting)
            output.WriteLine($"waiting: the run due {TimeText.Of(waiting)} starts once the previous run is killed");
        if (cron.Runs.IsDefaultOrEmpty)
        {
            output.WriteLine("no runs yet");
            return;
        }
        Table.Write(output, ["DUE", "LAUNCHED", "WHAT"], cron.Runs.Reverse().Select(r => (IReadOnlyList<string>)
            [TimeText.Of(r.DueAt), r.LaunchedAt is { } at ? TimeText.Of(at) : "-", r.Note]));
    }
}
