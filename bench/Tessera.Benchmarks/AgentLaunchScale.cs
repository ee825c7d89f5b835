using System.Diagnostics;
using System.Globalization;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Hosting;
using Tessera.Agent.Isolation;
using Tessera.Core.Protocol;

namespace Tessera.Benchmarks;

/// <summary>
/// <c>agent-launch [--launches N] [--concurrency C] [--isolation auto|LIST] [--work-dir BASE]</c>: what isolation costs per task. First, N
/// launches of <c>/bin/true</c> each as a bare spawn and as an isolated container (cgroups + pid,
/// mount, ipc, uts namespaces; created, run, exited, cgroups removed), interleaved so both see the
/// same machine; p50/p99 of each and their ratio. Then N isolated launches C at a time: launches
/// per second. Needs root and cgroups.
/// </summary>
internal static class AgentLaunchScale
{
    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var launches = options.Int("--launches", 300);
        var concurrency = options.Int("--concurrency", 8);
        var workDir = WorkDir(args);
        try
        {
            var runtimeDir = RuntimeDirectory.Resolve(workDir, null);
            var containerizer = ContainerizerFactory.Create(IsolationConfig.Parse(IsolationArg(args)), workDir, cfsQuota: false, runtimeDir: runtimeDir);
            output.WriteLine($"isolation: {containerizer.Isolation}");
            if (containerizer is not LinuxContainerizer)
            {
                output.WriteLine("needs root and cgroups: nothing measured");
                return 1;
            }
            for (var i = 0; i < 20; i++) { await BareAsync(); await IsolatedAsync(containerizer, workDir); }
            var bare = new List<double>();
            var isolated = new List<double>();
            Phases.Clear();
            for (var i = 0; i < launches; i++)
            {
                bare.Add(await BareAsync());
                isolated.Add(await IsolatedAsync(containerizer, workDir));
            }
            output.WriteLine(Line("bare spawn", bare));
            output.WriteLine(Line("isolated", isolated));
            output.WriteLine(Line("  of which Launch() (cgroups created, launcher spawned)", [.. Phases.Select(p => p.Launch)]));
            output.WriteLine(Line("  of which until Exited (run, status read, cgroups removed)", [.. Phases.Select(p => p.Exit)]));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"isolated/bare: p50 {Percentile(isolated, 50) / Percentile(bare, 50):0.00}x, p99 {Percentile(isolated, 99) / Percentile(bare, 99):0.00}x"));
            var clock = Stopwatch.StartNew();
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) <= launches) await IsolatedAsync(containerizer, workDir);
            }));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"isolated launches: {launches} in {clock.Elapsed.TotalSeconds:0.00} s at concurrency {concurrency} = {launches / clock.Elapsed.TotalSeconds:0} launches/s"));
            return 0;
        }
        finally
        {
            // Sandboxes stay until the end, as an agent keeps them until GC (deleting each at once
            // makes ext4's inode allocation slower with every launch, which no agent would see).
            Directory.Delete(workDir, recursive: true);
            if (Directory.Exists(RuntimeDirectory.Resolve(workDir, null))) Directory.Delete(RuntimeDirectory.Resolve(workDir, null), recursive: true);
        }
    }

    /// <summary>
    /// <c>--work-dir BASE</c>, default /var/tmp: where an agent's work dir would be (not under
    /// /tmp: a sandbox under /tmp is bound back over the container's private /tmp with two more
    /// mounts per launch, which an agent working in /var/lib/tessera never pays).
    /// </summary>
    private static string WorkDir(string[] args)
    {
        var i = Array.IndexOf(args, "--work-dir");
        var root = i >= 0 && i + 1 < args.Length ? args[i + 1] : Directory.Exists("/var/tmp") ? "/var/tmp" : Path.GetTempPath();
        return Directory.CreateDirectory(Path.Combine(root, "tessera-launch-bench-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    }

    /// <summary><c>--isolation X</c> (default auto), to see what each part costs.</summary>
    private static string IsolationArg(string[] args)
    {
        var i = Array.IndexOf(args, "--isolation");
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : "auto";
    }

    private static async Task<double> BareAsync()
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> IsolatedAsync(IContainerizer containerizer, string workDir)
    {
        var id = Guid.NewGuid().ToString();
        var sandbox = Path.Combine(workDir, id);
        Directory.CreateDirectory(sandbox);
        var clock = Stopwatch.StartNew();
        var container = containerizer.Launch(new ContainerSpec
        {
            ContainerId = id,
            Command = new CommandInfo { Shell = false, Value = "/bin/true", Arguments = ["true"] },
            Sandbox = sandbox,
            Environment = new Dictionary<string, string>(),
            Cpus = 0.1,
            MemMb = 32,
        });
        var launched = clock.Elapsed.TotalMilliseconds;
        var exit = await container.Exited;
        var elapsed = clock.Elapsed.TotalMilliseconds;
        lock (Phases) Phases.Add((launched, elapsed - launched));
        if (exit.ExitCode != 0) throw new InvalidOperationException($"/bin/true in a container ended with {exit}");
        containerizer.Forget(id);
        return elapsed;
    }

    private static readonly List<(double Launch, double Exit)> Phases = [];

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    private static string Line(string name, List<double> values) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: n={values.Count} p50={Percentile(values, 50):0.00} ms p99={Percentile(values, 99):0.00} ms");
}
