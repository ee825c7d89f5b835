using System.CommandLine;
using System.Text.Json;
using Tessera.Cli.Client;
using Tessera.Jobs.Api;
using Tessera.Jobs.Config;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera job inspect KEY CONFIG</c> (the config loaded as <c>create</c> loads it, printed; no
/// scheduler needed) and <c>tessera job diff KEY CONFIG</c> (what creating it would change in the
/// running job: <c>POST /api/jobs/{job}/diff</c>), as Aurora's client has them.
/// </summary>
internal static class JobInspectCommands
{
    public static void AddVerbs(Command job, GlobalOptions global, TextWriter stdout, TextWriter stderr, Option<string> jobsOption)
    {
        job.Subcommands.Add(Inspect(global, stdout, stderr));
        job.Subcommands.Add(Diff(global, stdout, stderr, jobsOption));
    }

    private static Command Inspect(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var key = new Argument<string>("KEY") { Description = "cluster/role/env/name: the job of the config to show" };
        var file = new Argument<string>("CONFIG") { Description = "an .aurora config, or an Aurora job as JSON (--read-json)" };
        var bind = Bind();
        var readJson = ReadJson();
        var inspect = new Command("inspect", """
            the job a config defines, fully resolved (templates, defaults), without creating it

            Examples:
              tessera job inspect devcluster/www-data/devel/hello_world examples/jobs/hello_world.aurora
              tessera job inspect devcluster/www-data/devel/hello_world hello.aurora --bind profile.greeting=hi --json
            """) { key, file, bind, readJson };
        CliAction.Set(inspect, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var jobKey = JobInstances.Parse(parse.GetValue(key)!).Key;
            var path = parse.GetValue(file)!;
            if (!JobConfigFile.IsAurora(path, parse.GetValue(readJson)))
                throw new CliException($"{path}: inspect reads an .aurora config, or Aurora's JSON with --read-json", TesseraCommand.ExitUsage);
            var config = await JobConfigFile.LoadAsync(path, jobKey, parse.GetValue(bind) ?? [], parse.GetValue(readJson), ct);
            if (cli.Json)
                cli.Out.WriteLine(InspectJsonContext.Write(new InspectedJob(config.Key.ToString(), config, JobSpecMapping.ToSpec(config))));
            else
                JobConfigText.Write(cli.Out, config);
            return TesseraCommand.ExitOk;
        });
        return inspect;
    }

    private static Command Diff(GlobalOptions global, TextWriter stdout, TextWriter stderr, Option<string> jobsOption)
    {
        var key = new Argument<string>("KEY") { Description = "cluster/role/env/name: the running job" };
        var file = new Argument<string>("CONFIG") { Description = "an .aurora config, an Aurora job as JSON (--read-json), or a Tessera job spec as JSON" };
        var bind = Bind();
        var readJson = ReadJson();
        var diff = new Command("diff", """
            what creating the config would change in the running job: instances added or removed, fields that differ

            Exit 0 (also with changes); 1 when the job does not exist.

            Example:
              tessera job diff devcluster/www-data/devel/hello_world examples/jobs/hello_world.aurora --bind profile.greeting=hi
            """) { key, file, bind, readJson };
        CliAction.Set(diff, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var jobKey = JobInstances.Parse(parse.GetValue(key)!).Key;
            var body = await JobConfigFile.SpecBodyAsync(parse.GetValue(file)!, jobKey, parse.GetValue(bind) ?? [], parse.GetValue(readJson), ct);
            using var client = new JobsClient(JobsTarget.Resolve(parse, jobsOption));
            var json = await client.PostAsync(JobsClient.JobPath(jobKey) + "/diff", body, ct);
            if (cli.Json)
                cli.Out.WriteLine(json.Trim());
            else
                JobDiffText.Write(cli.Out, JobsClient.Decode(json, JobsApiJsonContext.Default.JobDiff));
            return TesseraCommand.ExitOk;
        });
        return diff;
    }

    private static Option<string[]> Bind() =>
        new("--bind") { Description = "a template binding NAME=VALUE for the config (repeatable)", Arity = ArgumentArity.ZeroOrMore };

    private static Option<bool> ReadJson() =>
        new("--read-json") { Description = "CONFIG is the job as Aurora's JSON ({\"jobs\": [...]} or one job)" };
}
