using Tessera.Master.Hosting;
using Tessera.Master.Http;

namespace Tessera.Master.Tests.Harness;

/// <summary>A real master on 127.0.0.1 with a free port, fast timers and its own temp work dir.</summary>
internal sealed class TestMaster : IAsyncDisposable
{
    private TestMaster(MasterServer server, string workDir, MasterOptions options)
    {
        Server = server;
        WorkDir = workDir;
        Options = options;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public MasterServer Server { get; }
    public string WorkDir { get; }
    public MasterOptions Options { get; }
    public HttpClient Http { get; }
    public Uri Address => Server.Address;

    public static MasterOptions FastOptions(string workDir) => new()
    {
        WorkDir = workDir,
        Port = 0,
        Registry = "in_memory",
        AllocationInterval = TimeSpan.FromMilliseconds(50),
        HeartbeatInterval = TimeSpan.FromMilliseconds(300),
        // Generous: a loaded test machine must not make a healthy fake agent unreachable.
        // Tests of agent loss set their own.
        AgentPingTimeout = TimeSpan.FromMilliseconds(200),
        MaxAgentPingTimeouts = 15,
    };

    public static async Task<TestMaster> StartAsync(Func<MasterOptions, MasterOptions>? configure = null, string? workDir = null, ILeadership? leadership = null)
    {
        workDir ??= Directory.CreateTempSubdirectory("tessera-master-").FullName;
        var options = (configure ?? (o => o))(FastOptions(workDir));
        var server = await MasterServer.StartAsync(options, leadership: leadership);
        return new TestMaster(server, workDir, options);
    }

    /// <summary>Stops the master but keeps the work dir (for restart tests).</summary>
    public async Task StopAsync()
    {
        await Server.FlushRegistryAsync();
        await Server.DisposeAsync();
        Http.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (ObjectDisposedException)
        {
        }
        try
        {
            Directory.Delete(WorkDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
