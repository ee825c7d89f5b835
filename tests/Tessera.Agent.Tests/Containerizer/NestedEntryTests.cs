using System.Diagnostics;
using Tessera.Agent.Containerizer;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Containerizer;

/// <summary>How the agent starts a command inside a running container: environment, argv, and which process it enters.</summary>
public sealed class NestedEntryTests
{
    [Fact]
    public void EnvSetsTheVariablesAfterTheDropAndNeverTakesTheProgramForOne()
    {
        var argv = CleanEnvironment.ThroughEnv(new Dictionary<string, string> { ["FOO"] = "a=b c" }, ["prog", "x"]);
        Assert.Equal(["/usr/bin/env", "-i", "--", $"PATH={CleanEnvironment.DefaultPath}", "FOO=a=b c", "prog", "x"], argv);
        var odd = CleanEnvironment.ThroughEnv(null, ["./a=b", "x"]);
        Assert.Equal(["/bin/sh", "-c", "exec \"$0\" \"$@\"", "./a=b", "x"], odd.Skip(4));
        Assert.Throws<ArgumentException>(() => CleanEnvironment.ThroughEnv(new Dictionary<string, string> { ["A=B"] = "c" }, ["true"]));
        Assert.Throws<ArgumentException>(() => CleanEnvironment.ThroughEnv(new Dictionary<string, string> { [""] = "c" }, ["true"]));
        Assert.False(CleanEnvironment.ValidName("A\0B"));
        Assert.True(CleanEnvironment.ValidName("LD_PRELOAD"));
    }

    [Fact]
    public async Task AProgramNamedWithEqualsRunsThroughEnv()
    {
        var dir = Directory.CreateTempSubdirectory("tessera-env-").FullName;
        try
        {
            var odd = Path.Combine(dir, "a=b");
            await File.WriteAllTextAsync(odd, "#!/bin/sh\necho \"odd $FOO $*\"\n");
            RootProbe.MakeExecutable(odd);
            var argv = CleanEnvironment.ThroughEnv(new Dictionary<string, string> { ["FOO"] = "foo" }, [odd, "-x"]);
            var start = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true };
            foreach (var arg in argv.Skip(1)) start.ArgumentList.Add(arg);
            CleanEnvironment.Apply(start);
            using var run = Process.Start(start)!;
            Assert.Equal("odd foo -x\n", await run.StandardOutput.ReadToEndAsync());
            await run.WaitForExitAsync();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void NsenterIsFoundByAbsolutePathInTheDefaultPathOnly()
    {
        var found = NamespaceEntry.FindNsenter();
        Assert.NotNull(found);
        Assert.True(Path.IsPathRooted(found), found);
        Assert.Null(NamespaceEntry.FindNsenter("/nonexistent:relative/bin"));
        Assert.Equal(["pid", "mount", "ipc", "uts", "net"], NamespaceEntry.Order);
        var full = NamespaceEntry.Command("/usr/bin/nsenter", 7, new HashSet<string>(["mount", "pid"]), "/s", (65534, 65534), new Dictionary<string, string> { ["PATH"] = "/evil" }, ["id"]);
        Assert.Equal(["/usr/bin/nsenter", "--target", "7", "--pid", "--mount", "--wdns=/s", "--setuid", "65534", "--setgid", "65534", "--", "/usr/bin/env", "-i", "--", "PATH=/evil", "id"], full);
    }

    [Theory]
    [InlineData("12:memory:/tessera/c1\n11:pids:/tessera/c1\n0::/\n", "c1", true)]
    [InlineData("0::/system.slice/x/tessera/c1\n", "c1", true)]
    [InlineData("4:memory:/tessera/c10\n0::/\n", "c1", false)]
    [InlineData("4:memory:/user.slice\n0::/\n", "c1", false)]
    [InlineData("", "c1", false)]
    public void APidIsTheContainersOnlyWhenItIsInItsCgroups(string procCgroup, string id, bool expected) =>
        Assert.Equal(expected, NamespaceInit.InContainerCgroup(procCgroup, id));

    [Fact]
    public void APlainSessionEndsSetsidsOptions()
    {
        var plain = new PlainContainerizer("test");
        var spec = new NestedSpec("s", new CommandInfo { Shell = false, Value = "-v", Arguments = ["-v"] }, "/tmp", null, new Dictionary<string, string> { ["A"] = "1" });
        var launch = plain.Nested(null!, spec);
        Assert.Equal("setsid", launch.Start.FileName);
        Assert.Equal(["--", "-v"], launch.Start.ArgumentList);
        Assert.True(launch.KillGroupOnExit);
        Assert.Equal("1", launch.Start.Environment["A"]);
        Assert.Equal(CleanEnvironment.DefaultPath, launch.Start.Environment["PATH"]);
    }

    [Fact]
    public async Task AReusedPidIsNotEntered()
    {
        using var harness = new ContainerHarness();
        var spec = harness.Spec("exec sleep 60");
        var container = harness.Containerizer.Launch(spec);
        // A process outside the container whose first child stands in for the container's init after its pid was reused.
        using var stranger = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "sleep 61 & wait"]))!;
        try
        {
            for (var i = 0; i < 50 && NamespaceInit.FirstChild(stranger.Id) is null; i++) await Task.Delay(50);
            for (var i = 0; i < 50 && NamespaceInit.FirstChild(container.Pid) is null; i++) await Task.Delay(50);
            var nested = new NestedSpec("n1", new CommandInfo { Value = "true" }, spec.Sandbox, null, new Dictionary<string, string>());
            // The real one is entered...
            Assert.NotNull(harness.Containerizer.Nested(container, nested).StatusFile);
            // ...a stranger under the container's id is not.
            var reused = harness.Containerizer.Recover(new AgentContainerCheckpoint { ContainerId = spec.ContainerId, Pid = stranger.Id, StartTime = ProcessWatch.StartTime(stranger.Id) });
            var refused = Assert.Throws<ContainerLaunchException>(() => harness.Containerizer.Nested(reused, nested with { Id = "n2" }));
            Assert.Contains("not in its cgroups", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await container.KillAsync(TimeSpan.FromSeconds(1));
            stranger.Kill(entireProcessTree: true);
            await stranger.WaitForExitAsync();
        }
    }
}
