using Tessera.Agent.Containerizer;
using Tessera.Agent.Isolation;
using AgentHosting = Tessera.Agent.Hosting;

namespace Tessera.Agent.Tests.Recovery;

/// <summary>Kills every container a work dir's records name: a failing recovery test must not leave tasks running on the machine.</summary>
internal static class LeftoverContainers
{
    public static async Task KillAsync(string agentWorkDir)
    {
        var containerizer = ContainerizerFactory.Create(IsolationConfig.Parse("auto"), agentWorkDir, cfsQuota: false,
            runtimeDir: AgentHosting.RuntimeDirectory.Resolve(agentWorkDir, null));
        foreach (var record in containerizer.Leftovers())
        {
            var container = containerizer.Recover(record);
            await container.KillAsync(TimeSpan.Zero);
            await container.Exited.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
