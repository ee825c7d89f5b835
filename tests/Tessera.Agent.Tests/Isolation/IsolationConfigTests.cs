using Tessera.Agent.Isolation;

namespace Tessera.Agent.Tests.Isolation;

public sealed class IsolationConfigTests
{
    [Fact]
    public void AutoWantsEveryControllerAndTheFourNamespaces()
    {
        var config = IsolationConfig.Parse("auto");
        Assert.True(config.Auto);
        Assert.Equal(["ipc", "mount", "pid", "uts"], config.Namespaces.Order());
        Assert.Contains("memory", config.Controllers);
    }

    [Fact]
    public void MesosListSelectsControllersAndNamespaces()
    {
        var config = IsolationConfig.Parse("cgroups/cpu,cgroups/mem,namespaces/pid");
        Assert.False(config.Auto);
        Assert.Equal(["cpu", "cpuacct", "freezer", "memory"], config.Controllers.Order());
        Assert.Equal(["mount", "pid"], config.Namespaces.Order());
    }

    [Fact]
    public void PosixIsPlainProcesses() => Assert.True(IsolationConfig.Parse("posix").Plain);

    [Fact]
    public void UnknownIsolatorIsNamed()
    {
        var error = Assert.Throws<FormatException>(() => IsolationConfig.Parse("cgroups/cpu,cgroups/bogus"));
        Assert.StartsWith("unknown isolator 'cgroups/bogus'", error.Message);
    }
}
