using System.CommandLine;
using Tessera.Cli.Client;
using Tessera.Jobs.Api;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera update list|info|wait</c>: reading updates (<see cref="UpdateCommands"/> changes them).
/// </summary>
internal static class UpdateQueryCommands
{
    public static Command List(GlobalOptions global, TextWriter stdout, TextWriter stderr,
        Func<ParseResult, JobsClient> client)
    {
        var target = new Argument<string?>("KEY|ROLE")
        {
            Description = "a job (cluster/role/env/name) or a role; all when absent",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var status = new Option<string?>("--status")
        {
            Description = "a status (ROLLING_FORWARD, ROLLED_BACK, …) or active, paused, blocked, ended, "
                + "failed, succeeded",
        };
        var list = new Command("list",
            "updates, newest first\n\nExamples:\n  tessera update list\n  tessera update list www-data --status active")
            { target, status };
        CliAction.Set(list, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var what = parse.GetValue(target);
            var filter = Uri.EscapeDataString(parse.GetValue(status) ?? "");
            var path = what is not null && what.Contains('/', StringComparison.Ordinal)
                ? $"{JobsClient.JobPath(JobInstances.Parse(what).Key)}/updates?status={filter}"
                : $"/api/updates?role={Uri.EscapeDataString(what ?? "")}&status={filter}";
            using var jobs = client(parse);
            var json = await jobs.GetAsync(path, ct);
            if (cli.Json)
            {
                cli.Out.WriteLine(json.Trim());
                return TesseraCommand.ExitOk;
            }
            var updates = JobsClient.Decode(json, JobsApiJsonContext.Default.ImmutableArrayUpdateSummary);
            if (updates.IsEmpty) cli.Out.WriteLine("no updates");
            else Table.Write(cli.Out, UpdateText.ListHeader, updates.Select(UpdateText.ListRow));
            return TesseraCommand.ExitOk;
        });
        return list;
    }

    public static Command Info(GlobalOptions global, TextWriter stdout, TextWriter stderr,
        Func<ParseResult, JobsClient> client)
    {
        var (key, id) = Arguments();
        var info = new Command("info",
            "one update: settings, every instance, every event with times and reasons "
            + "(default: the active, else the latest)")
            { key, id };
        CliAction.Set(info, global, stdout, stderr, async (parse, cli, ct) =>
        {
            using var jobs = client(parse);
            var json = await jobs.GetAsync(Path(parse, key, id), ct);
            if (cli.Json)
            {
                cli.Out.WriteLine(json.Trim());
                return TesseraCommand.ExitOk;
            }
            var details = JobsClient.Decode(json, JobsApiJsonContext.Default.UpdateDetails);
            UpdateText.WriteInfo(cli.Out, details, DateTimeOffset.UtcNow);
            return TesseraCommand.ExitOk;
        });
        return info;
    }

    public static Command Wait(GlobalOptions global, TextWriter stdout, TextWriter stderr,
        Func<ParseResult, JobsClient> client)
    {
        var (key, id) = Arguments();
        var wait = new Command("wait",
            "wait until an update ends, showing its progress: exit 0 when ROLLED_FORWARD, 1 otherwise")
            { key, id };
        CliAction.Set(wait, global, stdout, stderr, async (parse, cli, ct) =>
        {
            using var jobs = client(parse);
            var details = JobsClient.Decode(await jobs.GetAsync(Path(parse, key, id), ct),
                JobsApiJsonContext.Default.UpdateDetails);
            return await UpdateWait.RunAsync(jobs, cli, JobInstances.Parse(parse.GetValue(key)!).Key,
                details.Summary.Id, ct);
        });
        return wait;
    }

    private static (Argument<string> Key, Argument<string?> Id) Arguments() =>
        (new Argument<string>("KEY") { Description = "cluster/role/env/name" },
         new Argument<string?>("UPDATE_ID")
         {
             Description = "the update (default: the active one, else the latest)",
             Arity = ArgumentArity.ZeroOrOne,
         });

    private static string Path(ParseResult parse, Argument<string> key, Argument<string?> id)
    {
        var job = JobsClient.JobPath(JobInstances.Parse(parse.GetValue(key)!).Key);
        return parse.GetValue(id) is { } given ? $"{job}/updates/{Uri.EscapeDataString(given)}" : $"{job}/update";
    }
}
