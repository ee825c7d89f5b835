using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Tessera.Cli.Dev;

/// <summary>
/// <c>tessera dev</c>: a whole cluster in one process for a developer machine — a master and N
/// agents on loopback, state under <c>--data-dir</c>, real isolation where the host allows it.
/// Prints a banner, runs until Ctrl-C, then stops agents before the master and says what became
/// of running tasks.
/// </summary>
internal static class DevCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var agents = new Option<int?>("--agents") { Description = "how many agents (each its own work dir, port and share of the machine; default: as many as this data folder had, else 1, or 3 with --demo)" };
        var dataDir = new Option<string>("--data-dir") { Description = "where the cluster keeps its state and logs; the same folder brings the same cluster back", DefaultValueFactory = _ => ".tessera" };
        var port = new Option<int>("--port") { Description = "the master's port; agents use the next ones, the jobs API port + 3031 (8081 for 5050)", DefaultValueFactory = _ => 5050 };
        var isolation = new Option<string>("--isolation") { Description = "auto, posix, or a Mesos-style isolator list (see 'tessera agent --help')", DefaultValueFactory = _ => "auto" };
        var demo = new Option<bool>("--demo") { Description = "also run a demo workload once the cluster is up" };
        var portsFrom = new Option<int>("--ports-from") { Description = "the first port the agents offer to tasks, 1000 per agent (another dev cluster on this machine needs another range)", DefaultValueFactory = _ => Tessera.Agent.Resources.ResourceShare.DefaultFirstPort };
        var agentResources = new Option<string>("--agent-resources") { Description = "what each agent offers instead of what is detected, as Mesos' --resources without ports (e.g. 'cpus:4;mem:2048'); by default each agent offers all cpus and its share of memory and disk" };
        var command = new Command("dev", """
            run a master, agents and the jobs scheduler in one process (a dev cluster)

            Examples:
              tessera dev                      # one agent, state in ./.tessera
              tessera dev --demo               # three agents and a demo workload
              tessera dev --data-dir /tmp/c1 --port 6050
            """)
        {
            agents, dataDir, port, isolation, demo, portsFrom, agentResources,
        };
        var root = new RootCommand { command };
        var parse = root.Parse(["dev", .. args]);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"tessera dev: {parse.Errors[0].Message} (see 'tessera dev --help')");
            return TesseraCommand.ExitUsage;
        }
        if (args.Any(a => a is "--help" or "-h" or "-?"))
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, ct);
        var options = new DevOptions
        {
            DataDir = Path.GetFullPath(parse.GetValue(dataDir)!),
            MasterPort = parse.GetValue(port),
            AgentPortBase = parse.GetValue(port) + 1,
            Isolation = parse.GetValue(isolation)!,
            Demo = parse.GetValue(demo),
            PortsFrom = parse.GetValue(portsFrom),
            AgentResources = parse.GetValue(agentResources),
        };
        // Without --agents, a data folder used before brings back as many agents as it had.
        options = options with { Agents = parse.GetValue(agents) ?? DevLayoutFile.LoadAgents(options.DataDir) ?? (options.Demo ? 3 : 1) };
        if (Validate(options) is { } problem)
        {
            stderr.WriteLine($"tessera dev: {problem}");
            return TesseraCommand.ExitUsage;
        }
        return await RunClusterAsync(options, stdout, stderr, ct);
    }

    private static string? Validate(DevOptions options) =>
        options.Agents is < 1 or > 64 ? $"--agents must be between 1 and 64, not {options.Agents}"
        : options.MasterPort is < 1 or > 65535 - 3031 ? $"--port must be between 1 and {65535 - 3031} (the jobs API takes port + 3031), not {options.MasterPort}"
        : options.PortsFrom < 1024 || options.PortsFrom + options.Agents * Tessera.Agent.Resources.ResourceShare.PortsPerAgent > 65536
            ? $"--ports-from must leave {options.Agents} × {Tessera.Agent.Resources.ResourceShare.PortsPerAgent} ports between 1024 and 65535, not start at {options.PortsFrom}"
        : ValidateIsolation(options.Isolation) ?? ValidateAgentResources(options.AgentResources);

    private static string? ValidateAgentResources(string? text)
    {
        if (text is null) return null;
        try
        {
            var given = Tessera.Core.Resources.ResourceSet.Parse(text);
            return given.Any(r => r.Name == Tessera.Core.Resources.ResourceNames.Ports)
                ? "--agent-resources: ports are given per agent by --ports-from, not here"
                : given.Count == 0 ? "--agent-resources: names no resource" : null;
        }
        catch (FormatException e)
        {
            return $"--agent-resources: {e.Message}";
        }
    }

    private static string? ValidateIsolation(string text)
    {
        try
        {
            Tessera.Agent.Isolation.IsolationConfig.Parse(text);
            return null;
        }
        catch (FormatException e)
        {
            return $"--isolation: {e.Message}";
        }
    }

    private static async Task<int> RunClusterAsync(DevOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        using var file = new FileLoggerProvider(options.LogFile, TimeProvider.System);
        using var logs = LoggerFactory.Create(b => b.AddProvider(file).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        DevCluster cluster;
        try
        {
            cluster = await DevCluster.StartAsync(options, logs, stop.Token);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
        {
            stderr.WriteLine($"tessera dev: cannot start the cluster: {e.Message} (log: {Path.GetFullPath(options.LogFile)})");
            return TesseraCommand.ExitFailure;
        }
        await using (cluster)
        {
            DevLayoutFile.Save(options.DataDir, options.Agents);
            DevBanner.Write(stdout, options, cluster);
            var exit = TesseraCommand.ExitOk;
            if (options.Demo) exit = await DevDemo.RunAsync(cluster, options, stdout, stderr, stop.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            stdout.WriteLine();
            stdout.WriteLine("tessera dev: stopping the jobs scheduler, the agents, then the master");
            var kept = await cluster.StopAsync();
            stdout.WriteLine(kept == 0
                ? "tessera dev: stopped; no task was left running"
                : $"tessera dev: stopped; {kept} task(s) of checkpointing frameworks keep running and are re-attached by the next 'tessera dev --data-dir {options.DataDir}'; other tasks were killed");
            return exit;
        }
    }
}
