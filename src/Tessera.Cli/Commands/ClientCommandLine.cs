using System.CommandLine;
using Tessera.Cli.Client;
using Tessera.Cli.Run;

namespace Tessera.Cli.Commands;

/// <summary>
/// The client commands (System.CommandLine): cluster, agent list/show, … Server commands
/// (<c>master</c>, <c>agent</c> with Mesos-style flags) are routed before this by
/// <see cref="TesseraCommand"/>. Parse errors are one line and exit 2.
/// </summary>
internal static class ClientCommandLine
{
    /// <summary>Words after <c>agent</c> that make it a client command rather than "run an agent".</summary>
    public static readonly IReadOnlySet<string> AgentClientVerbs = new HashSet<string>(StringComparer.Ordinal) { "list", "show" };

    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("tessera — a cluster manager with the Mesos v1 API and an Aurora-style job scheduler");
        global.AddTo(root);
        root.Subcommands.Add(ClusterStatusCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(RunCommand.Create(global, stdout, stderr));
        root.Subcommands.Add(AgentCommands.Create(global, stdout, stderr));
        root.Subcommands.Add(FrameworkCommands.Create(global, stdout, stderr));
        root.Subcommands.Add(TaskCommands.Create(global, stdout, stderr));
        root.Subcommands.Add(QuotaCommands.Create(global, stdout, stderr));
        root.Subcommands.Add(WeightsCommands.Create(global, stdout, stderr));
        root.Subcommands.Add(MaintenanceCommands.Create(global, stdout, stderr));
        root.Subcommands.Add(JobCommands.Create(global, stdout, stderr));
        root.Subcommands.Add(UpdateCommands.Create(global, stdout, stderr));
        root.Subcommands.Add(CronCommands.Create(global, stdout, stderr));
        return root;
    }

    /// <summary>How long a command may take to wind down after Ctrl-C (tessera run kills its tasks and tears down).</summary>
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(45);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var root = Build(stdout, stderr);
        if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
        {
            stderr.WriteLine($"tessera: unknown command '{args[0]}' (run 'tessera --help')");
            return TesseraCommand.ExitUsage;
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = string.Join(' ', parse.CommandResult.Command == root ? ["tessera"] : new[] { "tessera" }.Concat(Path(parse)));
            // "Unrecognized …" says more than the "Required command was not provided" that comes first.
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            stderr.WriteLine($"tessera: {error.Message} (see '{command} --help')");
            return TesseraCommand.ExitUsage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = TerminationGrace }, ct);
    }

    private static IEnumerable<string> Path(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
    }
}
