using Spectre.Console;
using Tessera.Jobs;
using Tessera.Jobs.Api;
using Tessera.Jobs.Updates;

namespace Tessera.Cli.Client;

/// <summary>
/// <c>update wait</c> and <c>update start --wait</c>: polls the update once a second until it ends.
/// On an ANSI terminal a live table (instance, old → new, state, health, time in state) redraws in
/// place (Spectre.Console); piped, each new event is printed as a plain line. Exit 0 when it rolled
/// forward, 1 with the reason when it rolled back, was aborted or failed.
/// </summary>
internal static class UpdateWait
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(JobsClient client, CliContext cli, JobKey key, string id,
        CancellationToken ct)
    {
        var path = $"{JobsClient.JobPath(key)}/updates/{Uri.EscapeDataString(id)}";
        async Task<UpdateDetails> Fetch() =>
            JobsClient.Decode(await client.GetAsync(path, ct), JobsApiJsonContext.Default.UpdateDetails);
        var ended = !cli.Json && LiveView.IsTerminal(cli.Out)
            ? await LiveAsync(Fetch, ct)
            : await PlainAsync(cli, Fetch, ct);
        if (cli.Json)
        {
            cli.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(ended,
                JobsApiJsonContext.Default.UpdateDetails));
        }
        var summary = ended.Summary;
        if (summary.Status != UpdateStatus.ROLLED_FORWARD)
            throw new CliException($"update {summary.Id} {summary.Status}: {summary.Reason}");
        if (!cli.Json) cli.Out.WriteLine($"update {summary.Id} ROLLED_FORWARD: {summary.Reason}");
        return TesseraCommand.ExitOk;
    }

    private static async Task<UpdateDetails> PlainAsync(CliContext cli, Func<Task<UpdateDetails>> fetch,
        CancellationToken ct)
    {
        var seen = 0;
        var statuses = 0;
        while (true)
        {
            var d = await fetch();
            if (!cli.Json)
            {
                foreach (var line in UpdateText.EventLines(d.Events.Skip(statuses), d.InstanceEvents.Skip(seen),
                    statuses == 0))
                {
                    cli.Out.WriteLine(line);
                }
            }
            statuses = d.Events.Length;
            seen = d.InstanceEvents.Length;
            if (!d.Summary.Status.IsActive()) return d;
            await Task.Delay(Interval, ct);
        }
    }

    private static async Task<UpdateDetails> LiveAsync(Func<Task<UpdateDetails>> fetch, CancellationToken ct)
    {
        var first = await fetch();
        UpdateDetails last = first;
        await AnsiConsole.Live(Render(first)).StartAsync(async live =>
        {
            while (last.Summary.Status.IsActive())
            {
                await Task.Delay(Interval, ct);
                last = await fetch();
                live.UpdateTarget(Render(last));
            }
        });
        return last;
    }

    private static Spectre.Console.Table Render(UpdateDetails d)
    {
        var table = new Spectre.Console.Table { Title = new TableTitle(Markup.Escape(UpdateText.Headline(d.Summary))) };
        foreach (var column in UpdateText.LiveHeader) table.AddColumn(column);
        foreach (var row in UpdateText.LiveRows(d, DateTimeOffset.UtcNow))
            table.AddRow([.. row.Select(Markup.Escape)]);
        table.Caption = new TableTitle(Markup.Escape(d.Summary.Reason));
        return table;
    }
}
