using Tessera.Cli.Run;

namespace Tessera.Cli.Dev;

/// <summary>
/// The demo workload of <c>tessera dev --demo</c>: first <c>examples/demo/hello.sh</c> as a few
/// instances spread over the agents, run through the public Scheduler API exactly as
/// <c>tessera run</c> does, their states and output streamed here; then the
/// <c>examples/jobs/hello_world.aurora</c> service on the jobs scheduler (<see cref="DevServiceDemo"/>).
/// </summary>
internal static class DevDemo
{
    public static async Task<int> RunAsync(DevCluster cluster, DevOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var instances = Math.Max(3, cluster.Agents.Count);
        var spec = RunSpec.Create(cpus: 0.1, mem: 32, disk: 0, ports: 0, instances, role: "*", name: "demo", env: [], healthHttp: null,
            timeout: "2mins", user: null, command: [Script()], maxPerAgent: (instances + cluster.Agents.Count - 1) / cluster.Agents.Count);
        stdout.WriteLine();
        stdout.WriteLine($"demo: {instances} instances of examples/demo/hello.sh, spread over {cluster.Agents.Count} agent(s), through the Scheduler API (like 'tessera run')");
        var exit = await new RunFramework(spec, cluster.Master.Address, TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), TimeProvider.System).RunAsync(ct);
        stdout.WriteLine();
        stdout.WriteLine(exit == 0 ? "demo: all instances finished." : $"demo: ended with exit code {exit}.");
        var service = await DevServiceDemo.RunAsync(cluster, options, stdout, ct);
        exit = exit != 0 ? exit : service;
        stdout.WriteLine();
        stdout.WriteLine("demo: done. The cluster keeps running; try:");
        stdout.WriteLine($"  ./tessera cluster status --master {cluster.Master.Address.Authority}");
        stdout.WriteLine($"  ./tessera run --master {cluster.Master.Address.Authority} -- 'echo hello from $(hostname)'");
        stdout.WriteLine("  Ctrl-C to stop");
        return exit;
    }

    private static string Script()
    {
        using var stream = typeof(DevDemo).Assembly.GetManifestResourceStream("demo/hello.sh")
            ?? throw new InvalidOperationException("the demo script is not built into this executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
