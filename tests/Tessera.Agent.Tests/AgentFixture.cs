using Tessera.Agent.Hosting;
using Tessera.Core.Resources;
using Tessera.Master.Hosting;

namespace Tessera.Agent.Tests;

/// <summary>A real master on a free loopback port and a real agent with its own temp work dir.</summary>
internal sealed class AgentFixture : IAsyncDisposable
{
    private AgentFixture(MasterServer master, AgentHost agent, string workDir)
    {
        Master = master;
        Agent = agent;
        WorkDir = workDir;
    }

    public MasterServer Master { get; }
    public AgentHost Agent { get; }
    public string WorkDir { get; }

    public static async Task<AgentFixture> StartAsync(string resources = "cpus:4;mem:4096;disk:10000;ports:[31000-32000]", Func<AgentOptions, AgentOptions>? tweak = null)
    {
        var workDir = Directory.CreateTempSubdirectory("tessera-agent-").FullName;
        var master = await StartMasterAsync(workDir);
        var options = AgentOptionsFor(master.Address, Path.Combine(workDir, "agent"), resources);
        var agent = await AgentHost.StartAsync(tweak is null ? options : tweak(options));
        await agent.Registered.WaitAsync(TimeSpan.FromSeconds(20));
        return new AgentFixture(master, agent, workDir);
    }

    /// <summary>A master with fast allocation and heartbeats, its registry in memory.</summary>
    public static Task<MasterServer> StartMasterAsync(string workDir) => MasterServer.StartAsync(new MasterOptions
    {
        WorkDir = Path.Combine(workDir, "master"),
        Port = 0,
        Registry = "in_memory",
        AllocationInterval = TimeSpan.FromMilliseconds(50),
        HeartbeatInterval = TimeSpan.FromMilliseconds(300),
    });

    /// <summary>An agent on a free loopback port with fast status update retries.</summary>
    public static AgentOptions AgentOptionsFor(Uri master, string workDir, string resources = "cpus:4;mem:4096;disk:10000;ports:[31000-32000]") => new()
    {
        Master = master,
        WorkDir = workDir,
        Hostname = "127.0.0.1",
        Port = 0,
        Resources = ResourceSet.Parse(resources),
        StatusRetryInitial = TimeSpan.FromMilliseconds(300),
        StatusRetryMax = TimeSpan.FromSeconds(2),
        DefaultKillGrace = TimeSpan.FromSeconds(1),
    };

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        await Master.DisposeAsync();
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
