using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Tessera.Agent.Hosting;
using Tessera.Core.Resources;
using Tessera.Jobs.Host;
using Tessera.Master.Hosting;

namespace Tessera.Benchmarks;

/// <summary>
/// A real master, N agents (hostnames agent-0 …, sized for <c>perHost</c> tasks of 0.1 cpu, 32 MB,
/// 10 MB each) and the jobs scheduler with its API, all in this process, in a temp dir removed on
/// dispose (checkpointed tasks are killed).
/// </summary>
internal sealed class JobsBenchCluster : IAsyncDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("tessera-jobs-bench-").FullName;
    private readonly List<AgentHost> _agents = [];
    private readonly ILoggerFactory _logs =
        LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
    private MasterServer? _master;
    private JobsServer? _jobs;

    public HttpClient Http { get; private set; } = null!;

    public static async Task<JobsBenchCluster> StartAsync(int agentCount, int perHost, string isolation,
        TextWriter output)
    {
        var cluster = new JobsBenchCluster();
        try
        {
            await cluster.StartMasterAndAgentsAsync(agentCount, perHost, isolation, output);
            cluster._jobs = await JobsServer.StartAsync(new JobsSchedulerOptions
            {
                Master = cluster._master!.Address, DataDir = Path.Combine(cluster._workDir, "jobs"),
            }, port: 0, logs: cluster._logs);
            await cluster._jobs.Scheduler.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
            output.WriteLine($"jobs scheduler subscribed, API at {cluster._jobs.Address}");
            cluster.Http = new HttpClient { BaseAddress = cluster._jobs.Address, Timeout = TimeSpan.FromSeconds(30) };
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartMasterAndAgentsAsync(int agentCount, int perHost, string isolation, TextWriter output)
    {
        _master = await MasterServer.StartAsync(new MasterOptions
        {
            WorkDir = Path.Combine(_workDir, "master"), Port = 0, Registry = "in_memory",
        }, logs: _logs);
        var clock = Stopwatch.StartNew();
        var resources = ResourceSet.Parse(string.Create(CultureInfo.InvariantCulture,
            $"cpus:{perHost * 0.1 + 1};mem:{perHost * 32 + 256};disk:{perHost * 10 + 100};ports:[31000-31100]"));
        for (var a = 0; a < agentCount; a++)
        {
            _agents.Add(await AgentHost.StartAsync(new AgentOptions
            {
                Master = _master.Address, WorkDir = Path.Combine(_workDir, $"agent-{a}"), Hostname = $"agent-{a}",
                Port = 0, Resources = resources, Isolation = isolation,
            }, logs: _logs));
        }
        await Task.WhenAll(_agents.Select(a => a.Registered)).WaitAsync(TimeSpan.FromMinutes(2));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{agentCount} agents registered in {clock.Elapsed.TotalSeconds:0.0} s (isolation {isolation})"));
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_jobs is not null) await _jobs.DisposeAsync();
        foreach (var agent in _agents) await agent.StopAsync(killCheckpointed: true);
        foreach (var agent in _agents) await agent.DisposeAsync();
        if (_master is not null) await _master.DisposeAsync();
        _logs.Dispose();
        Directory.Delete(_workDir, recursive: true);
    }
}
