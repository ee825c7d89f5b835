using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Cli.Client;
using Tessera.Jobs;
using Tessera.Jobs.Api;
using Tessera.Jobs.Scheduling;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera job create|status|list|kill|killall|restart|add</c> (and inspect|diff, <see cref="JobInspectCommands"/>):
/// the jobs scheduler's REST API (<c>--jobs</c>, else <see cref="JobsTarget"/>), Aurora-shaped.
/// </summary>
internal static class JobCommands
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var jobsOption = JobsTarget.NewOption();
        var job = new Command("job", """
            jobs on the Tessera Jobs scheduler: create, status, list, kill, killall, restart, add, inspect, diff

            Examples:
              tessera job create devcluster/www-data/prod/hello hello.json
              tessera job status devcluster/www-data/prod/hello
              tessera job kill devcluster/www-data/prod/hello/0-2,5
            """) { jobsOption };

        AddVerbs(job, global, stdout, stderr, jobsOption);
        return job;
    }

    private static void AddVerbs(Command job, GlobalOptions global, TextWriter stdout, TextWriter stderr, Option<string> jobsOption)
    {
        JobsClient Client(ParseResult parse) => new(JobsTarget.Resolve(parse, jobsOption));

        var createKey = new Argument<string>("KEY") { Description = "cluster/role/env/name" };
        var file = new Argument<string>("FILE") { Description = "an .aurora config, an Aurora job as JSON (--read-json), or a Tessera job spec as JSON (docs/jobs-api.md)" };
        var bind = new Option<string[]>("--bind") { Description = "a template binding NAME=VALUE for the config (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var readJson = new Option<bool>("--read-json") { Description = "FILE is the job as Aurora's JSON ({\"jobs\": [...]} or one job)" };
        var waitUntil = new Option<WaitUntil?>("--wait-until") { Description = "after creating, wait until every instance is PENDING, RUNNING or FINISHED (exit 1 if it can't get there any more)" };
        var create = new Command("create", "create a job from an .aurora config (or JSON)\n\nExamples:\n  tessera job create devcluster/www-data/prod/hello examples/jobs/hello_world.aurora\n  tessera job create devcluster/www-data/prod/hello examples/jobs/hello_world.aurora --wait-until RUNNING\n  tessera job create devcluster/www-data/prod/hello hello.aurora --bind version=2\n  tessera job create devcluster/www-data/prod/hello hello.json --read-json") { createKey, file, bind, readJson, waitUntil };
        CliAction.Set(create, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var key = JobInstances.Parse(parse.GetValue(createKey)!).Key;
            var body = await JobConfigFile.SpecBodyAsync(parse.GetValue(file)!, key, parse.GetValue(bind) ?? [], parse.GetValue(readJson), ct);
            using var client = Client(parse);
            var created = Print(cli, await client.PostAsync("/api/jobs", body, ct));
            return parse.GetValue(waitUntil) is { } target ? await WaitUntilAsync(client, cli, key, target, ct) : created;
        });

        var statusKey = new Argument<string>("KEY") { Description = "cluster/role/env/name" };
        var status = new Command("status", "a job's instances: state, host, and why pending ones wait\n\nExample:\n  tessera job status devcluster/www-data/prod/hello") { statusKey };
        CliAction.Set(status, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var key = JobInstances.Parse(parse.GetValue(statusKey)!).Key;
            using var client = Client(parse);
            var json = await client.GetAsync(JobsClient.JobPath(key), ct);
            if (cli.Json)
            {
                cli.Out.WriteLine(json.Trim());
                return TesseraCommand.ExitOk;
            }
            JobText.WriteStatus(cli.Out, JobsClient.Decode(json, JobsApiJsonContext.Default.JobStatus));
            return TesseraCommand.ExitOk;
        });

        var role = new Argument<string?>("ROLE") { Description = "only this role's jobs", Arity = ArgumentArity.ZeroOrOne };
        var env = new Option<string?>("--env") { Description = "only this environment's jobs" };
        var list = new Command("list", "the jobs, with how many tasks are in each state\n\nExamples:\n  tessera job list\n  tessera job list www-data --env prod") { role, env };
        CliAction.Set(list, global, stdout, stderr, async (parse, cli, ct) =>
        {
            using var client = Client(parse);
            var query = $"/api/jobs?role={Uri.EscapeDataString(parse.GetValue(role) ?? "")}&env={Uri.EscapeDataString(parse.GetValue(env) ?? "")}";
            var json = await client.GetAsync(query, ct);
            if (cli.Json)
            {
                cli.Out.WriteLine(json.Trim());
                return TesseraCommand.ExitOk;
            }
            var jobs = JobsClient.Decode(json, JobsApiJsonContext.Default.ImmutableArrayJobSummary);
            if (jobs.IsEmpty) cli.Out.WriteLine("no jobs");
            else Table.Write(cli.Out, ["JOB", "INSTANCES", "TASKS"], jobs.Select(j => (IReadOnlyList<string>)
                [j.Key, j.Instances.ToString(CultureInfo.InvariantCulture), string.Join(", ", j.States.Select(s => $"{s.Key} {s.Value}"))]));
            return TesseraCommand.ExitOk;
        });

        var killKey = new Argument<string>("KEY[/INSTANCES]") { Description = "cluster/role/env/name, optionally /0-2,5" };
        var kill = new Command("kill", "kill instances of a job (all when none are given); killed instances are not replaced\n\nExample:\n  tessera job kill devcluster/www-data/prod/hello/0-2,5") { killKey };
        CliAction.Set(kill, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var target = JobInstances.Parse(parse.GetValue(killKey)!);
            using var client = Client(parse);
            var body = JsonSerializer.Serialize(new InstancesRequest(target.Instances, All: target.Instances is null), JobsApiJsonContext.Default.InstancesRequest);
            return Print(cli, await client.PostAsync(JobsClient.JobPath(target.Key) + "/kill", body, ct));
        });

        var killallKey = new Argument<string>("KEY") { Description = "cluster/role/env/name" };
        var killall = new Command("killall", "kill every instance of a job and remove the job\n\nExample:\n  tessera job killall devcluster/www-data/prod/hello") { killallKey };
        CliAction.Set(killall, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var key = JobInstances.Parse(parse.GetValue(killallKey)!).Key;
            using var client = Client(parse);
            return Print(cli, await client.PostAsync(JobsClient.JobPath(key) + "/killall", "", ct));
        });

        var restartKey = new Argument<string>("KEY[/INSTANCES]") { Description = "cluster/role/env/name, optionally /0-2,5" };
        var batch = new Option<int>("--batch-size") { Description = "how many instances restart at a time; a batch starts when the one before has ended", DefaultValueFactory = _ => 1 };
        var watchSecs = new Option<int>("--watch-secs") { Description = "how long a replacement must run (healthy) before its instance is done", DefaultValueFactory = _ => RestartRequest.DefaultWatchSecs };
        var perInstance = new Option<int>("--max-per-instance-failures") { Description = "failed replacements an instance may have before the instance fails", DefaultValueFactory = _ => 0 };
        var totalFailures = new Option<int>("--max-total-failures") { Description = "failed instances tolerated; one more fails the restart and leaves the rest alone", DefaultValueFactory = _ => 0 };
        var wait = new Option<bool>("--wait") { Description = "wait until the restart ends: exit 0 when every instance restarted (ROLLED_FORWARD), 1 with the reason otherwise" };
        var abort = new Option<bool>("--abort") { Description = "abort the job's restart in progress: instances not restarted yet are left alone" };
        var restart = new Command("restart", """
            rolling restart (an update that keeps the config): --batch-size instances at a time are killed
            and replaced; an instance is done when its new task has run (healthy) for --watch-secs;
            follow it with 'tessera update info|wait KEY'

            Examples:
              tessera job restart devcluster/www-data/prod/hello --batch-size 2
              tessera job restart devcluster/www-data/prod/hello/0-3 --watch-secs 60 --max-total-failures 1 --wait
              tessera job restart devcluster/www-data/prod/hello --abort
            """) { restartKey, batch, watchSecs, perInstance, totalFailures, wait, abort };
        CliAction.Set(restart, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var target = JobInstances.Parse(parse.GetValue(restartKey)!);
            if (parse.GetValue(abort))
            {
                using var aborting = Client(parse);
                return Print(cli, await aborting.PostAsync(JobsClient.JobPath(target.Key) + "/restart/abort", "", ct));
            }
            var request = new RestartRequest(target.Instances, target.Instances is null, parse.GetValue(batch), parse.GetValue(watchSecs),
                parse.GetValue(perInstance), parse.GetValue(totalFailures));
            if (request.Problem() is { } problem)
                throw new CliException(JobText.AsOption(problem), TesseraCommand.ExitUsage);
            using var client = Client(parse);
            var body = JsonSerializer.Serialize(request, JobsApiJsonContext.Default.RestartRequest);
            var started = await client.PostAsync(JobsClient.JobPath(target.Key) + "/restart", body, ct);
            var result = JobsClient.Decode(started, JobsApiJsonContext.Default.ActionResult);
            if (!parse.GetValue(wait) || result.UpdateId is not { } id) return Print(cli, started);
            if (!cli.Json) cli.Out.WriteLine(result.Message);
            return await UpdateWait.RunAsync(client, cli, target.Key, id, ct);
        });

        var addKey = new Argument<string>("KEY/INSTANCE") { Description = "the job and the instance whose config the new ones copy" };
        var count = new Argument<int>("N") { Description = "how many instances to add" };
        var add = new Command("add", "add N instances copying an existing instance's config\n\nExample:\n  tessera job add devcluster/www-data/prod/hello/0 2") { addKey, count };
        CliAction.Set(add, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var target = JobInstances.Parse(parse.GetValue(addKey)!);
            if (target.Instances is not { Length: 1 } one)
                throw new CliException($"'{parse.GetValue(addKey)}': give exactly one instance to copy, e.g. KEY/0", TesseraCommand.ExitUsage);
            using var client = Client(parse);
            var body = JsonSerializer.Serialize(new AddRequest(one[0], parse.GetValue(count)), JobsApiJsonContext.Default.AddRequest);
            return Print(cli, await client.PostAsync(JobsClient.JobPath(target.Key) + "/add", body, ct));
        });

        foreach (var command in new[] { create, status, list, kill, killall, restart, add })
            job.Subcommands.Add(command);
        JobInspectCommands.AddVerbs(job, global, stdout, stderr, jobsOption);
    }

    /// <summary>Polls the job's status every half second until <see cref="JobWait.Check"/> says the wait is over; prints progress when it changes.</summary>
    private static async Task<int> WaitUntilAsync(JobsClient client, CliContext cli, JobKey key, WaitUntil target, CancellationToken ct)
    {
        string? last = null;
        while (true)
        {
            var check = JobWait.Check(await client.StatusAsync(key, ct), target);
            if (check.Failure is { } failure) throw new CliException($"{key}: {failure}");
            if (check.Done)
            {
                if (!cli.Json) cli.Out.WriteLine($"{key}: every instance {target} ({check.Progress})");
                return TesseraCommand.ExitOk;
            }
            if (!cli.Json && check.Progress != last) cli.Out.WriteLine($"waiting for {target}: {check.Progress}");
            last = check.Progress;
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    private static int Print(CliContext cli, string json)
    {
        if (cli.Json)
        {
            cli.Out.WriteLine(json.Trim());
            return TesseraCommand.ExitOk;
        }
        cli.Out.WriteLine(JobsClient.Decode(json, JobsApiJsonContext.Default.ActionResult).Message);
        return TesseraCommand.ExitOk;
    }
}
