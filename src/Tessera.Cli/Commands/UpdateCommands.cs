using System.CommandLine;
using System.Text.Json;
using Tessera.Cli.Client;
using Tessera.Jobs;
using Tessera.Jobs.Api;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera update start|pause|resume|abort|rollback|pulse|list|info|wait</c>: Aurora's job
/// updates on the jobs scheduler's REST API (<c>docs/jobs-api.md</c>, "Updates").
/// </summary>
internal static class UpdateCommands
{
    private const string Help = """
        job updates: roll a new config out in batches, watch each batch, roll back by itself on failure

        Examples:
          tessera update start devcluster/www-data/prod/hello hello.aurora --wait
          tessera update start devcluster/www-data/prod/hello hello.aurora --instances 0 --message canary
          tessera update pause devcluster/www-data/prod/hello
          tessera update info devcluster/www-data/prod/hello
          tessera update list www-data --status active
        """;

    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var jobsOption = JobsTarget.NewOption();
        var update = new Command("update", Help) { jobsOption };
        JobsClient Client(ParseResult parse) => new(JobsTarget.Resolve(parse, jobsOption));
        update.Subcommands.Add(Start(global, stdout, stderr, Client));
        foreach (var verb in new[] { "pause", "resume", "abort", "rollback", "pulse" })
            update.Subcommands.Add(Control(verb, global, stdout, stderr, Client));
        update.Subcommands.Add(UpdateQueryCommands.List(global, stdout, stderr, Client));
        update.Subcommands.Add(UpdateQueryCommands.Info(global, stdout, stderr, Client));
        update.Subcommands.Add(UpdateQueryCommands.Wait(global, stdout, stderr, Client));
        return update;
    }

    private static Command Start(GlobalOptions global, TextWriter stdout, TextWriter stderr,
        Func<ParseResult, JobsClient> client)
    {
        var key = new Argument<string>("KEY") { Description = "cluster/role/env/name" };
        var file = new Argument<string>("CONFIG")
        {
            Description = "the new config: an .aurora file (its update_config sets the batching), "
                + "Aurora JSON (--read-json) or a Tessera job spec as JSON (Aurora's default update_config)",
        };
        var bind = new Option<string[]>("--bind")
        {
            Description = "a template binding NAME=VALUE for the config (repeatable)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var readJson = new Option<bool>("--read-json") { Description = "CONFIG is the job as Aurora's JSON" };
        var instances = new Option<string?>("--instances")
        {
            Description = "only these instances, e.g. 0-3,7 (a canary); the others keep their config",
        };
        var message = new Option<string?>("--message") { Description = "a note kept with the update" };
        var wait = new Option<bool>("--wait")
        {
            Description = "wait until the update ends: exit 0 when ROLLED_FORWARD, 1 otherwise",
        };
        var start = new Command("start",
            "start an update of a job to a new config (only instances whose config changes are touched)")
            { key, file, bind, readJson, instances, message, wait };
        CliAction.Set(start, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var job = JobInstances.Parse(parse.GetValue(key)!).Key;
            var scope = parse.GetValue(instances) is { } text
                ? JobInstances.Ranges(text, "--instances " + text)
                : (System.Collections.Immutable.ImmutableArray<int>?)null;
            var body = await JobConfigFile.UpdateBodyAsync(parse.GetValue(file)!, job, parse.GetValue(bind) ?? [],
                parse.GetValue(readJson), scope, parse.GetValue(message), ct);
            using var jobs = client(parse);
            var json = await jobs.PostAsync(JobsClient.JobPath(job) + "/update", body, ct);
            var started = JobsClient.Decode(json, JobsApiJsonContext.Default.UpdateStarted);
            if (cli.Json && !parse.GetValue(wait)) cli.Out.WriteLine(json.Trim());
            else if (!cli.Json) cli.Out.WriteLine(started.Message);
            return parse.GetValue(wait) && started.UpdateId is { } id
                ? await UpdateWait.RunAsync(jobs, cli, job, id, ct)
                : TesseraCommand.ExitOk;
        });
        return start;
    }

    private static Command Control(string verb, GlobalOptions global, TextWriter stdout, TextWriter stderr,
        Func<ParseResult, JobsClient> client)
    {
        var key = new Argument<string>("KEY") { Description = "cluster/role/env/name" };
        var wait = new Option<bool>("--wait")
        {
            Description = "then wait until the update ends (exit 0 only when ROLLED_FORWARD)",
        };
        var command = new Command(verb, ControlHelp(verb)) { key };
        if (verb is "resume" or "rollback") command.Options.Add(wait);
        CliAction.Set(command, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var job = JobInstances.Parse(parse.GetValue(key)!).Key;
            using var jobs = client(parse);
            var json = await jobs.PostAsync($"{JobsClient.JobPath(job)}/update/{verb}", "", ct);
            var summary = JobsClient.Decode(json, JobsApiJsonContext.Default.UpdateSummary);
            if (parse.GetValue(wait)) return await UpdateWait.RunAsync(jobs, cli, job, summary.Id, ct);
            cli.Out.WriteLine(cli.Json ? json.Trim() : $"{UpdateText.Headline(summary)}: {summary.Reason}");
            return TesseraCommand.ExitOk;
        });
        return command;
    }

    private static string ControlHelp(string verb) => verb switch
    {
        "pause" => "pause the job's update: no instance starts; those in progress are left as they are",
        "resume" => "resume the job's paused update",
        "abort" => "end the job's update where it is (ABORTED): instances keep the config they have",
        "rollback" => "roll the instances the update touched back to their original config",
        _ => "pulse the job's update: one with pulse_interval_secs blocks unless pulsed within the interval",
    };
}
