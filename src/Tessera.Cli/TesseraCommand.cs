using System.Reflection;
using Tessera.Cli.Commands;

namespace Tessera.Cli;

/// <summary>
/// Entry point of the single <c>tessera</c> executable: routes the first word to a subcommand.
/// Exit codes: 0 ok, 1 failure, 2 usage error, 3 cannot reach the cluster.
/// </summary>
public static class TesseraCommand
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;
    public const int ExitUnreachable = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            stdout.Write(Usage);
            return ExitOk;
        }
        switch (args[0])
        {
            case "--version" or "version":
                stdout.WriteLine($"tessera {Version}");
                return ExitOk;
            case "master":
                return await MasterCommand.RunAsync(args[1..], stdout, stderr, ct);
            case "jobs":
                return await JobsCommand.RunAsync(args[1..], stdout, stderr, ct);
            case "dev":
                return await Dev.DevCommand.RunAsync(args[1..], stdout, stderr, ct);
            case "agent" when args.Length < 2 || !ClientCommandLine.AgentClientVerbs.Contains(args[1]):
                return await AgentCommand.RunAsync(args[1..], stdout, stderr, ct);
            case "executor":
                return await Tessera.Executor.ExecutorCommand.RunAsync(args[1..], stdout, stderr, ct);
            default:
                return await ClientCommandLine.RunAsync(args, stdout, stderr, ct);
        }
    }

    public static string Version =>
        typeof(TesseraCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";

    private const string Usage = """
        tessera — a cluster manager with the Mesos v1 API and an Aurora-style job scheduler

        Usage: tessera <command> [options]

        Commands:
          master       run a master (Mesos v1 Scheduler and Operator APIs); 'tessera master --help'
          agent        run an agent that offers this machine to a master; 'tessera agent --help'
          dev          a master, agents and the jobs scheduler in one process: 'tessera dev --agents 3'
          jobs         run the Tessera Jobs scheduler and its API; 'tessera jobs --help'
          job          jobs: create KEY FILE, status KEY, list [ROLE], kill KEY[/0-2,5], killall KEY, restart KEY, add KEY/INST N,
                       inspect KEY CONFIG, diff KEY CONFIG
          update       job updates: start KEY CONFIG [--wait], pause|resume|abort|rollback|pulse KEY, list, info KEY, wait KEY
          cron         cron jobs: schedule KEY CONFIG, show KEY, start KEY, deschedule KEY
          cluster      cluster status: 'tessera cluster status'
          run          run a command on the cluster and stream its output: 'tessera run -- echo hi'
          agent list   registered agents; 'tessera agent show ID' for one
          framework    frameworks: list, show ID, teardown ID
          task         tasks: list [--all] [--state S] [--watch], show ID, logs ID [-f] [--stderr] [--tail N], kill ID
          quota        quotas per role: get [ROLE], set ROLE --guarantee … --limit …, remove ROLE
          weights      role weights: 'tessera weights', 'tessera weights set ROLE=W …'
          maintenance  schedule, unschedule, status, start/stop HOST…, drain/reactivate AGENT_ID
          version      print the version

        Client commands take --master (default $TESSERA_MASTER or 127.0.0.1:5050), --json and --verbose;
        'tessera job', 'update' and 'cron' take --jobs (default $TESSERA_JOBS, else the KEY's cluster in
        ~/.tessera/clusters.json or /etc/tessera/clusters.json; devcluster is 127.0.0.1:8081).

        Exit codes: 0 ok, 1 failure, 2 usage error, 3 cannot reach the cluster.

        """;
}
