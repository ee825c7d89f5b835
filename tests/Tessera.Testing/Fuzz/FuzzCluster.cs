using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Agent.Hosting;
using Tessera.Core.Resources;
using Tessera.Jobs.Host;
using Tessera.Master.Hosting;

namespace Tessera.Testing.Fuzz;

/// <summary>
/// The cluster a fuzz run targets: a master (SQLite registry), two agents (127.0.0.1 and
/// 127.0.0.2, small fixed resources, the host's default isolation) and the jobs scheduler, all in
/// this process on free loopback ports, with state under one temp folder removed at the end.
/// </summary>
public sealed class FuzzCluster : IAsyncDisposable
{
    private readonly string _root;

    private FuzzCluster(string root, MasterServer master, IReadOnlyList<AgentHost> agents, JobsServer jobs)
    {
        _root = root;
        Master = master;
        Agents = agents;
        Jobs = jobs;
    }

    public MasterServer Master { get; }

    public IReadOnlyList<AgentHost> Agents { get; }

    public JobsServer Jobs { get; }

    public static async Task<FuzzCluster> StartAsync(ILoggerFactory? logs = null, CancellationToken ct = default)
    {
        logs ??= NullLoggerFactory.Instance;
        var root = Directory.CreateTempSubdirectory("tessera-fuzz-").FullName;
        var master = await MasterServer.StartAsync(new MasterOptions
        {
            Port = 0, WorkDir = Path.Combine(root, "master"), Registry = "sqlite", Hostname = "127.0.0.1",
            // Offers come back quicker after a DECLINE or a new subscription: fewer waits between requests.
            AllocationInterval = TimeSpan.FromMilliseconds(100),
            // Every request reads the state twice: keep what ended short, so a read costs the same all run long.
            MaxCompletedTasksPerFramework = 50,
            MaxCompletedFrameworks = 10,
        }, logs: logs, ct: ct);
        var agents = new List<AgentHost>();
        for (var i = 0; i < 2; i++)
        {
            var ip = $"127.0.0.{i + 1}";
            agents.Add(await AgentHost.StartAsync(new AgentOptions
            {
                Master = master.Address, WorkDir = Path.Combine(root, $"agent-{i}"), Ip = ip, Port = 0, Hostname = ip,
                // The fuzz framework's residents live on what is statically reserved for role fuzz: jobs and
                // mutated calls may take everything else.
                Resources = ResourceSet.Parse($"cpus:2;mem:2048;disk:2048;ports:[{46000 + i * 1000}-{46999 + i * 1000}];cpus(fuzz):1.5;mem(fuzz):768"),
                Attributes = $"agent:{i + 1}",
                ExecutorRegistrationTimeout = TimeSpan.FromHours(1),
            }, logs: logs, ct: ct));
        }
        await Task.WhenAll(agents.Select(a => a.Registered)).WaitAsync(TimeSpan.FromSeconds(30), ct);
        var jobs = await JobsServer.StartAsync(new JobsSchedulerOptions { Master = master.Address, DataDir = Path.Combine(root, "jobs") },
            port: 0, logs: logs, ct: ct);
        return new FuzzCluster(root, master, agents, jobs);
    }

    public async ValueTask DisposeAsync()
    {
        await Jobs.DisposeAsync();
        foreach (var agent in Agents) await agent.StopAsync(killCheckpointed: true);
        foreach (var agent in Agents) await agent.DisposeAsync();
        await Master.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
