namespace Tessera.Cli.Dev;

/// <summary>The few lines <c>tessera dev</c> prints once the cluster is up.</summary>
internal static class DevBanner
{
    public static void Write(TextWriter output, DevOptions options, DevCluster cluster)
    {
        output.WriteLine($"tessera dev cluster is up (tessera {TesseraCommand.Version})");
        output.WriteLine($"  master      {cluster.Master.Address} (Mesos v1 Scheduler API /api/v1/scheduler, Operator API /api/v1)");
        for (var i = 0; i < cluster.Agents.Count; i++)
        {
            var agent = cluster.Agents[i];
            output.WriteLine($"  agent {i + 1,-5} {agent.Address} id {agent.AgentId}: {agent.Total}");
        }
        output.WriteLine($"  jobs        {cluster.Jobs.Address} (Tessera Jobs API /api/jobs; 'tessera job … --jobs {cluster.Jobs.Address.Authority}')");
        output.WriteLine($"  isolation   {cluster.Agents[0].Isolation}");
        output.WriteLine($"  data        {Path.GetFullPath(options.DataDir)}");
        output.WriteLine($"  logs        {Path.GetFullPath(options.LogFile)}");
        output.WriteLine($"  try         tessera cluster status --master {cluster.Master.Address.Authority}");
        output.WriteLine("  stop        Ctrl-C");
    }
}
