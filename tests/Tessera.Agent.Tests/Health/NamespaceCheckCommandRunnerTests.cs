using Tessera.Agent.Containerizer;
using Tessera.Agent.Health;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Health;

public sealed class NamespaceCheckCommandRunnerTests
{
    [Fact]
    public void TheNsenterPrefixNamesTheContainersNamespacesInOrder()
    {
        var prefix = NamespaceEntry.Prefix("nsenter", 4242, new HashSet<string>(["uts", "mount", "pid", "ipc"]), "/w/sandbox");
        Assert.Equal(["nsenter", "--target", "4242", "--pid", "--mount", "--ipc", "--uts", "--wdns=/w/sandbox", "--"], prefix);
        Assert.Contains("--wd=/w/sandbox", NamespaceEntry.Prefix("nsenter", 4242, new HashSet<string>(["pid"]), "/w/sandbox"));
        Assert.Equal(["--setuid", "65534", "--setgid", "65534", "--"], NamespaceEntry.Prefix("nsenter", 1, new HashSet<string>(["pid"]), "/s", (65534, 65534)).TakeLast(5));
    }

    [Theory]
    [InlineData("4321 ", 4321)]
    [InlineData("17 18 19\n", 17)]
    [InlineData("", null)]
    [InlineData("\n", null)]
    public void TheFirstChildIsTheNamespacesInit(string children, int? expected) => Assert.Equal(expected, NamespaceInit.ParseChildren(children));

    [Fact]
    public void WithoutAPidNamespaceTheLauncherItselfIsEntered() => Assert.Equal(77, NamespaceInit.Target(77, pidNamespace: false));

    [Fact]
    public async Task ATaskWithoutAContainerPidIsCheckedOnTheHost()
    {
        var runner = new NamespaceCheckCommandRunner(new HashSet<string>(["pid", "mount"]), new HostCheckCommandRunner(), nsenter: "/nonexistent/nsenter");
        var sandbox = Directory.CreateTempSubdirectory("tessera-check-").FullName;
        var exit = await runner.RunAsync(new CheckCommandRequest(new CommandInfo { Shell = true, Value = "exit 3" }, new Dictionary<string, string>(), sandbox, null), CancellationToken.None);
        Assert.Equal(3, exit.ExitCode);
        Directory.Delete(sandbox, recursive: true);
    }

    [Fact]
    public async Task AContainerWithNoProcessLeftFailsTheCheck()
    {
        // Our own pid has no children (the test runner's threads aren't processes): nothing to enter.
        var runner = new NamespaceCheckCommandRunner(new HashSet<string>(["pid", "mount"]), new HostCheckCommandRunner(), NamespaceEntry.FindNsenter());
        var lonely = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "5"))!;
        var exit = await runner.RunAsync(new CheckCommandRequest(new CommandInfo { Shell = true, Value = "true" }, new Dictionary<string, string>(), "/", lonely.Id, ContainerId: "c1"), CancellationToken.None);
        lonely.Kill();
        await lonely.WaitForExitAsync();
        Assert.Equal(126, exit.ExitCode);
    }

    [Fact]
    public async Task ACheckRunsAsTheTasksUserAndItsEnvironmentNeverReachesNsenter()
    {
        using var harness = new Containerizer.ContainerHarness();
        var spec = harness.Spec("exec sleep 60", user: "nobody");
        var container = harness.Containerizer.Launch(spec);
        try
        {
            var probe = await Containerizer.RootProbe.CreateAsync(Path.Combine(spec.Sandbox, "probe"));
            var runner = NamespaceCheckCommandRunner.For(harness.Containerizer);
            Assert.IsType<NamespaceCheckCommandRunner>(runner);
            for (var i = 0; i < 50 && NamespaceInit.FirstChild(container.Pid) is null; i++) await Task.Delay(50);
            var command = new CommandInfo
            {
                Value = "[ \"$(id -u)\" = 65534 ] || { echo \"uid $(id -u)\" >&2; exit 1; }; [ \"$FOO\" = task ] && [ \"$BAR\" = check ] || { echo env >&2; exit 2; }",
                Environment = new CommandEnvironment { Variables = [new EnvironmentVariable { Name = "BAR", Value = "check" }] },
            };
            var environment = new Dictionary<string, string>(probe.Environment) { ["FOO"] = "task" };
            var exit = await runner.RunAsync(new CheckCommandRequest(command, environment, spec.Sandbox, container.Pid, "nobody", container.Id), CancellationToken.None);
            Assert.True(exit.ExitCode == 0, $"{exit.ExitCode}: {exit.LastError}");
            Assert.Empty(probe.Tripped);

            // Without a task user the check runs as the agent's (root), still with the task's environment.
            var asRoot = await runner.RunAsync(new CheckCommandRequest(new CommandInfo { Value = "[ \"$(id -u)\" = 0 ] && [ \"$FOO\" = task ]" },
                new Dictionary<string, string> { ["FOO"] = "task" }, spec.Sandbox, container.Pid, ContainerId: container.Id), CancellationToken.None);
            Assert.Equal(0, asRoot.ExitCode);
            var unknown = await runner.RunAsync(new CheckCommandRequest(command, environment, spec.Sandbox, container.Pid, "no-such-user-here", container.Id), CancellationToken.None);
            Assert.Equal(126, unknown.ExitCode);
        }
        finally
        {
            await container.KillAsync(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task AReusedPidIsNotEnteredByACheck()
    {
        using var harness = new Containerizer.ContainerHarness();
        var spec = harness.Spec("exec sleep 60");
        var container = harness.Containerizer.Launch(spec);
        // A process outside the container whose child stands where the container's init was, as after pid reuse.
        using var stranger = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", "sleep 61 & wait"]))!;
        try
        {
            for (var i = 0; i < 50 && NamespaceInit.FirstChild(stranger.Id) is null; i++) await Task.Delay(50);
            for (var i = 0; i < 50 && NamespaceInit.FirstChild(container.Pid) is null; i++) await Task.Delay(50);
            var runner = NamespaceCheckCommandRunner.For(harness.Containerizer);
            var real = await runner.RunAsync(new CheckCommandRequest(new CommandInfo { Value = "true" }, new Dictionary<string, string>(), spec.Sandbox, container.Pid, ContainerId: container.Id), CancellationToken.None);
            Assert.True(real.ExitCode == 0, $"{real.ExitCode}: {real.LastError}");
            // The check would otherwise run in the stranger's namespaces (the host's), as root.
            var reused = await runner.RunAsync(new CheckCommandRequest(new CommandInfo { Value = "true" }, new Dictionary<string, string>(), spec.Sandbox, stranger.Id, ContainerId: container.Id), CancellationToken.None);
            Assert.Equal(126, reused.ExitCode);
            Assert.Contains("not in its cgroups", reused.LastError, StringComparison.Ordinal);
        }
        finally
        {
            await container.KillAsync(TimeSpan.FromSeconds(1));
            stranger.Kill(entireProcessTree: true);
            await stranger.WaitForExitAsync();
        }
    }

    [Fact]
    public void ACheckVariableNameWithEqualsIsRefused()
    {
        var check = new HealthCheck
        {
            Type = CheckType.COMMAND,
            Command = new CommandInfo { Value = "true", Environment = new CommandEnvironment { Variables = [new EnvironmentVariable { Name = "A=B", Value = "c" }] } },
        };
        Assert.Equal("'health_check.command.environment.variables': name 'A=B' must be non-empty, without '=' or NUL", HealthConfig.From(check).Error);
    }
}
