using Tessera.Agent.Hosting;

namespace Tessera.Agent.Tests.Hosting;

/// <summary>The runtime directory under /run/tessera (as root, which CI is) does not outlive an agent that leaves nothing running.</summary>
public sealed class RuntimeDirectoryTests
{
    [Fact]
    public void AnUnusedOneIsRemovedOneWithAContainerIsKept()
    {
        var unused = Path.Combine("/run/tessera", "test-" + Guid.NewGuid().ToString("N")[..8]);
        var used = Path.Combine("/run/tessera", "test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(RuntimeDirectory.Containers(unused));
        Directory.CreateDirectory(Path.Combine(RuntimeDirectory.Containers(used), "some-container"));
        try
        {
            RuntimeDirectory.RemoveIfUnused(unused);
            RuntimeDirectory.RemoveIfUnused(used);
            Assert.False(Directory.Exists(unused));
            Assert.True(Directory.Exists(Path.Combine(RuntimeDirectory.Containers(used), "some-container")));
        }
        finally
        {
            if (Directory.Exists(used)) Directory.Delete(used, recursive: true);
        }
    }

    [Fact]
    public void OneOutsideRunTesseraIsNeverRemoved()
    {
        var meta = Directory.CreateTempSubdirectory("tessera-meta-").FullName;
        try
        {
            RuntimeDirectory.RemoveIfUnused(meta);
            Assert.True(Directory.Exists(meta));
        }
        finally
        {
            Directory.Delete(meta, recursive: true);
        }
    }

    [Fact]
    public async Task AnAgentStoppedWithNothingRunningLeavesNoRuntimeDirectory()
    {
        await using var fixture = await AgentFixture.StartAsync();
        var runtimeDir = RuntimeDirectory.Resolve(Path.Combine(fixture.WorkDir, "agent"), null);
        Assert.StartsWith("/run/tessera/", runtimeDir, StringComparison.Ordinal);
        // What a launch leaves once its container has been forgotten.
        Directory.CreateDirectory(RuntimeDirectory.Containers(runtimeDir));
        Assert.Equal(0, await fixture.Agent.StopAsync());
        Assert.False(Directory.Exists(runtimeDir));
    }
}
