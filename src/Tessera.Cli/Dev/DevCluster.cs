using Microsoft.Extensions.Logging;
using Tessera.Agent.Hosting;
using Tessera.Agent.Resources;
using Tessera.Core.Resources;
using Tessera.Jobs.Host;
using Tessera.Master.Hosting;

namespace Tessera.Cli.Dev;

/// <summary>
/// A master and N agents in this process, with production code paths: the master's registry is
/// SQLite under <c>data/master</c>, each agent has its own work dir (<c>data/agent-i</c>), port and
/// share of the machine, and checkpoints there, so starting again on the same data folder brings
/// back the same cluster (agent ids, quota, weights, checkpointed tasks). The jobs scheduler runs
/// on it with its store under <c>data/jobs</c> and its API on <see cref="DevOptions.JobsPort"/>.
/// </summary>
internal sealed class DevCluster : IAsyncDisposable
{
    private DevCluster(MasterServer master, IReadOnlyList<AgentHost> agents, JobsServer jobs)
    {
        Master = master;
        Agents = agents;
        Jobs = jobs;
    }

    private bool _jobsStopped;

    public JobsServer Jobs { get; }

    public MasterServer Master { get; }

    public IReadOnlyList<AgentHost> Agents { get; }

    public static async Task<DevCluster> StartAsync(DevOptions options, ILoggerFactory logs, CancellationToken ct)
    {
        var master = await MasterServer.StartAsync(new MasterOptions
        {
            Ip = options.Ip,
            Port = options.MasterPort,
            WorkDir = options.MasterDir,
            Registry = "sqlite",
            Hostname = options.Ip,
        }, logs: logs, ct: ct);
        var agents = new List<AgentHost>();
        try
        {
            for (var i = 0; i < options.Agents; i++)
            {
                var workDir = options.AgentDir(i);
                var agent = await AgentHost.StartAsync(new AgentOptions
                {
                    Master = master.Address,
                    WorkDir = workDir,
                    Ip = options.AgentIp(i),
                    Port = options.AgentPortBase + i,
                    Hostname = options.AgentIp(i),
                    Resources = ResourceShare.For(workDir, i, options.Agents, options.PortsFrom,
                        options.AgentResources is { } given ? ResourceSet.Parse(given) : null),
                    Attributes = $"agent:{i + 1}",
                    Isolation = options.Isolation,
                }, logs: logs, ct: ct);
                agents.Add(agent);
            }
            await Task.WhenAll(agents.Select(a => a.Registered)).WaitAsync(TimeSpan.FromSeconds(30), ct);
            var jobs = await JobsServer.StartAsync(new JobsSchedulerOptions { Master = master.Address, DataDir = options.JobsDir, ThermosExecutor = SelfCommand.ThermosExecutor() },
                options.Ip, options.JobsPort, logs: logs, ct: ct);
            return new DevCluster(master, agents, jobs);
        }
        catch
        {
            foreach (var agent in agents) await agent.DisposeAsync();
            await master.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the jobs scheduler, then the agents (tasks of checkpointing frameworks keep running for the next start), then the master; returns how many tasks were kept.</summary>
    public async Task<int> StopAsync()
    {
        await StopJobsAsync();
        var kept = 0;
        foreach (var agent in Agents) kept += await agent.StopAsync(killCheckpointed: false);
        return kept;
    }

    private async Task StopJobsAsync()
    {
        if (_jobsStopped) return;
        _jobsStopped = true;
        await Jobs.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopJobsAsync();
        foreach (var agent in Agents) await agent.DisposeAsync();
        await Master.DisposeAsync();
    }
}
