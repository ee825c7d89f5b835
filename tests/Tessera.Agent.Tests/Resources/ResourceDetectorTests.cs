using Tessera.Agent.Resources;
using Tessera.Core.Resources;

namespace Tessera.Agent.Tests.Resources;

public sealed class ResourceDetectorTests
{
    private sealed class FakeCommands(CommandOutput? output) : ICommandRunner
    {
        public List<string> Calls { get; } = [];

        public Task<CommandOutput?> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
        {
            Calls.Add($"{tool} {string.Join(' ', arguments)}");
            return Task.FromResult(output);
        }
    }

    private static readonly ResourceSet Detected = ResourceSet.Parse("cpus:8;mem:4096;disk:1000;ports:[31000-32000]");

    [Fact]
    public void GivenResourcesWinNameByName()
    {
        var result = ResourceDetector.Combine(ResourceSet.Parse("cpus:2;mem:512"), Detected, RoleName.Default);
        Assert.Equal(ResourceSet.Parse("cpus:2;mem:512;disk:1000;ports:[31000-32000]"), result.Total);
        Assert.Equal(["disk", "ports"], result.Detected);
    }

    [Fact]
    public void TheDefaultRoleReservesEverythingWithoutARole()
    {
        var result = ResourceDetector.Combine(ResourceSet.Parse("cpus:2;mem(ops):512"), Detected, "web");
        Assert.Equal(ResourceSet.Parse("cpus(web):2;mem(ops):512;disk(web):1000;ports(web):[31000-32000]"), result.Total);
        Assert.All(result.Total, r => Assert.True(r.IsReserved));
    }

    [Fact]
    public void TheStarRoleLeavesResourcesUnreserved()
    {
        var result = ResourceDetector.Combine(null, Detected, "*");
        Assert.Equal(Detected, result.Total);
        Assert.All(result.Total, r => Assert.True(r.IsUnreserved));
    }

    [Theory]
    [InlineData("0\n1\n", 2)]
    [InlineData("0\n", 1)]
    [InlineData("", 0)]
    [InlineData("0\n1\n2\n3\n\n", 4)]
    [InlineData("No devices were found\n", 0)]
    [InlineData(" 0 \r\n 1 \r\n", 2)]
    public void NvidiaSmiIndexesAreCounted(string output, int gpus) => Assert.Equal(gpus, GpuDetector.Parse(output));

    [Fact]
    public async Task GpusReportedByNvidiaSmiAreOfferedAsAScalar()
    {
        using var workDir = new Gc.GcTempDir();
        var commands = new FakeCommands(new CommandOutput(0, "0\n1\n"));
        var result = await ResourceDetector.DetectAsync(workDir.WorkDir, ResourceSet.Parse("cpus:1;mem:256"), RoleName.Default, commands, CancellationToken.None);
        Assert.Equal(2, result.Total.Named("gpus").Single().Scalar.Value);
        Assert.Contains("gpus", result.Detected);
        Assert.Equal(["nvidia-smi --query-gpu=index --format=csv,noheader"], commands.Calls);
    }

    [Fact]
    public async Task NoNvidiaSmiOrAFailingOneMeansNoGpus()
    {
        using var workDir = new Gc.GcTempDir();
        var absent = await ResourceDetector.DetectAsync(workDir.WorkDir, null, RoleName.Default, new FakeCommands(null), CancellationToken.None);
        var failing = await ResourceDetector.DetectAsync(workDir.WorkDir, null, RoleName.Default, new FakeCommands(new CommandOutput(9, "0\n")), CancellationToken.None);
        Assert.Empty(absent.Total.Named("gpus"));
        Assert.Empty(failing.Total.Named("gpus"));
    }

    [Fact]
    public async Task GivenGpusWinAndNvidiaSmiIsNotAsked()
    {
        using var workDir = new Gc.GcTempDir();
        var commands = new FakeCommands(new CommandOutput(0, "0\n1\n"));
        var result = await ResourceDetector.DetectAsync(workDir.WorkDir, ResourceSet.Parse("gpus:1"), RoleName.Default, commands, CancellationToken.None);
        Assert.Equal(1, result.Total.Named("gpus").Single().Scalar.Value);
        Assert.Empty(commands.Calls);
    }

    [Fact]
    public async Task AFakeNvidiaSmiOnATempPathIsRunWithTheQueryArguments()
    {
        using var bin = new Gc.GcTempDir();
        var script = Path.Combine(bin.WorkDir, "nvidia-smi");
        await File.WriteAllTextAsync(script, "#!/bin/sh\n[ \"$1\" = --query-gpu=index ] && [ \"$2\" = --format=csv,noheader ] || exit 3\nprintf '0\\n1\\n2\\n'\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var runner = new PathCommandRunner("/nonexistent:" + bin.WorkDir);
        Assert.Equal(3, await GpuDetector.CountAsync(runner, CancellationToken.None));
        Assert.Null(await new PathCommandRunner("/nonexistent").RunAsync("nvidia-smi", [], CancellationToken.None));
    }
}
