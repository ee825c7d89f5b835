using Tessera.Agent.Containerizer;
using Tessera.Agent.Isolation;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Containerizer;

/// <summary>
/// The Linux containerizer of this host, on a temp work dir, without a master: launches commands
/// and reads their sandboxes. These tests need root and cgroups (CI runs as root); on a host
/// without them <see cref="Create"/> fails loudly rather than skipping.
/// </summary>
internal sealed class ContainerHarness : IDisposable
{
    public ContainerHarness(string isolation = "auto")
    {
        WorkDir = Directory.CreateTempSubdirectory("tessera-iso-").FullName;
        Containerizer = ContainerizerFactory.Create(IsolationConfig.Parse(isolation), WorkDir, cfsQuota: true);
        Assert.True(Containerizer is LinuxContainerizer, $"these tests need root and cgroups; got {Containerizer.Isolation}");
    }

    public string WorkDir { get; }

    public IContainerizer Containerizer { get; }

    public ContainerSpec Spec(string command, double cpus = 0.5, double memMb = 128, string? user = null, string? hostname = null)
    {
        var id = Guid.NewGuid().ToString();
        var sandbox = Path.Combine(WorkDir, "sandboxes", id);
        Directory.CreateDirectory(sandbox);
        return new ContainerSpec
        {
            ContainerId = id,
            Command = new CommandInfo { Value = command },
            Sandbox = sandbox,
            Environment = new Dictionary<string, string> { ["MESOS_SANDBOX"] = sandbox },
            User = user,
            Cpus = cpus,
            MemMb = memMb,
            Hostname = hostname,
        };
    }

    public async Task<(ContainerExit Exit, string Stdout, string Stderr)> RunAsync(ContainerSpec spec)
    {
        var container = Containerizer.Launch(spec);
        var exit = await container.Exited.WaitAsync(TimeSpan.FromSeconds(60));
        return (exit, await File.ReadAllTextAsync(Path.Combine(spec.Sandbox, "stdout")), await File.ReadAllTextAsync(Path.Combine(spec.Sandbox, "stderr")));
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
