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
        var runner = new NamespaceCheckCommandRunner(new HashSet<string>(["pid", "mount"]), new HostCheckCommandRunner());
        var lonely = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "5"))!;
        var exit = await runner.RunAsync(new CheckCommandRequest(new CommandInfo { Shell = true, Value = "true" }, new Dictionary<string, string>(), "/", lonely.Id), CancellationToken.None);
        lonely.Kill();
        await lonely.WaitForExitAsync();
        Assert.Equal(126, exit.ExitCode);
    }
}
