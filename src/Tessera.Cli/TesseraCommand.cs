using System.Reflection;

namespace Tessera.Cli;

/// <summary>
/// Entry point of the single <c>tessera</c> executable. Subcommands (master, agent, dev, jobs and the
/// client commands) arrive with later issues; until then it answers <c>--version</c> and <c>--help</c>
/// and rejects anything else with exit code 2.
/// </summary>
public static class TesseraCommand
{
    public const int ExitOk = 0;
    public const int ExitUsage = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            stdout.Write(Usage);
            return ExitOk;
        }

        if (args[0] is "--version" or "version")
        {
            stdout.WriteLine($"tessera {Version}");
            return ExitOk;
        }

        stderr.WriteLine($"tessera: unknown command '{args[0]}' (run 'tessera --help')");
        return ExitUsage;
    }

    public static string Version =>
        typeof(TesseraCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";

    private const string Usage = """
        tessera — a cluster manager with the Mesos v1 API and an Aurora-style job scheduler

        Usage: tessera <command> [options]

        Commands:
          version      print the version

        Coming with later work: master, agent, dev, jobs, run, cluster, job.

        Exit codes: 0 ok, 1 failure, 2 usage error, 3 cannot reach the cluster.

        """;
}
