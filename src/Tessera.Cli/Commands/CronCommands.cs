using System.CommandLine;
using Tessera.Cli.Client;
using Tessera.Jobs.Api;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera cron schedule|deschedule|start|show</c>: Aurora's cron jobs on the jobs scheduler's
/// REST API (<c>docs/jobs-api.md</c>, "Cron jobs").
/// </summary>
internal static class CronCommands
{
    private const string Help = """
        cron jobs: a job launched on a schedule (an .aurora config with cron_schedule)

        Examples:
          tessera cron schedule devcluster/www-data/prod/hello examples/jobs/cron_hello_world.aurora
          tessera cron show devcluster/www-data/prod/hello
          tessera cron start devcluster/www-data/prod/hello
          tessera cron deschedule devcluster/www-data/prod/hello
        """;

    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var jobsOption = JobsTarget.NewOption();
        var cron = new Command("cron", Help) { jobsOption };
        JobsClient Client(ParseResult parse) => new(JobsTarget.Resolve(parse, jobsOption));
        var context = (global, stdout, stderr, (Func<ParseResult, JobsClient>)Client);
        cron.Subcommands.Add(Schedule(global, stdout, stderr, Client));
        cron.Subcommands.Add(Simple("deschedule", "remove the cron schedule; a run in progress goes on", context,
            (key, jobs, ct) => jobs.PostAsync(key + "/cron/deschedule", "", ct)));
        cron.Subcommands.Add(Simple("start", "run the cron job now (its collision policy applies)", context,
            (key, jobs, ct) => jobs.PostAsync(key + "/cron/start", "", ct)));
        cron.Subcommands.Add(Simple("show", "the schedule, policy, next 3 runs and the last runs with how they went", context,
            (key, jobs, ct) => jobs.GetAsync(key + "/cron", ct)));
        return cron;
    }

    private static Command Schedule(GlobalOptions global, TextWriter stdout, TextWriter stderr, Func<ParseResult, JobsClient> client)
    {
        var key = new Argument<string>("KEY") { Description = "cluster/role/env/name" };
        var file = new Argument<string>("CONFIG") { Description = "an .aurora config with cron_schedule (or Aurora JSON with --read-json)" };
        var bind = new Option<string[]>("--bind")
        {
            Description = "a template binding NAME=VALUE for the config (repeatable)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var readJson = new Option<bool>("--read-json") { Description = "CONFIG is the job as Aurora's JSON" };
        var schedule = new Command("schedule", "schedule a cron job (or change the job and schedule of one); nothing runs until it is due")
            { key, file, bind, readJson };
        CliAction.Set(schedule, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var job = JobInstances.Parse(parse.GetValue(key)!).Key;
            var body = await JobConfigFile.CronBodyAsync(parse.GetValue(file)!, job, parse.GetValue(bind) ?? [],
                parse.GetValue(readJson), ct);
            using var jobs = client(parse);
            return Print(cli, await jobs.PostAsync(JobsClient.JobPath(job) + "/cron", body, ct), "scheduled");
        });
        return schedule;
    }

    private static Command Simple(string verb, string help,
        (GlobalOptions Global, TextWriter Stdout, TextWriter Stderr, Func<ParseResult, JobsClient> Client) context,
        Func<string, JobsClient, CancellationToken, Task<string>> call)
    {
        var key = new Argument<string>("KEY") { Description = "cluster/role/env/name" };
        var command = new Command(verb, help) { key };
        CliAction.Set(command, context.Global, context.Stdout, context.Stderr, async (parse, cli, ct) =>
        {
            var job = JobInstances.Parse(parse.GetValue(key)!).Key;
            using var jobs = context.Client(parse);
            return Print(cli, await call(JobsClient.JobPath(job), jobs, ct), verb);
        });
        return command;
    }

    private static int Print(CliContext cli, string json, string verb)
    {
        if (cli.Json)
        {
            cli.Out.WriteLine(json.Trim());
            return TesseraCommand.ExitOk;
        }
        CronText.Write(cli.Out, JobsClient.Decode(json, JobsApiJsonContext.Default.CronStatus), verb);
        return TesseraCommand.ExitOk;
    }
}
