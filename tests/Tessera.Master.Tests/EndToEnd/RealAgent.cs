using Tessera.Agent.Hosting;
using Tessera.Core.Resources;

namespace Tessera.Master.Tests.EndToEnd;

/// <summary>A real agent (the `tessera agent` host, in-process) with its own temp work dir and fast retries.</summary>
internal static class RealAgent
{
    public static async Task<AgentHost> StartAsync(Uri master, string? workDir = null, string resources = "cpus:4;mem:4096;disk:10000;ports:[31000-32000]")
    {
        var host = await AgentHost.StartAsync(new AgentOptions
        {
            Master = master,
            WorkDir = workDir ?? Directory.CreateTempSubdirectory("tessera-agent-").FullName,
            Hostname = "127.0.0.1",
            Port = 0,
            Resources = ResourceSet.Parse(resources),
            StatusRetryInitial = TimeSpan.FromMilliseconds(300),
            StatusRetryMax = TimeSpan.FromSeconds(2),
            DefaultKillGrace = TimeSpan.FromSeconds(1),
        });
        await host.Registered.WaitAsync(TimeSpan.FromSeconds(20));
        return host;
    }
}
