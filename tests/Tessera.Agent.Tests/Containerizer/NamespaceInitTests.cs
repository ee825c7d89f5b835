using Tessera.Agent.Containerizer;

namespace Tessera.Agent.Tests.Containerizer;

public sealed class NamespaceInitTests
{
    [Theory]
    [InlineData("Name:\tsh\nNSpid:\t4242\t1\nNSpgid:\t4242\t1\n", true)]
    [InlineData("Name:\tsh\nNSpid:\t4242\t17\t1\n", true)]
    [InlineData("Name:\tsh\nNSpid:\t4242\t2\n", false)]
    [InlineData("Name:\tinit\nNSpid:\t1\n", false)]
    [InlineData("Name:\tsh\n", false)]
    public void APidNamespacesInitIsPidOneBelowOurs(string status, bool init) => Assert.Equal(init, NamespaceInit.ParseNsPidIsInit(status));

    [Fact]
    public async Task AContainerWithAPidNamespaceIsEnteredThroughItsOwnPidItsInit()
    {
        using var harness = new ContainerHarness();
        var container = harness.Containerizer.Launch(harness.Spec("exec sleep 60"));
        try
        {
            // Created in its namespaces by clone(2): the init is there as soon as the launch returns.
            Assert.True(NamespaceInit.IsNamespaceInit(container.Pid));
            Assert.Equal(container.Pid, NamespaceInit.Target(container.Pid, pidNamespace: true));
            // It joins the cgroups itself, before it forks the task.
            for (var i = 0; i < 100 && NamespaceInit.FirstChild(container.Pid) is null; i++) await Task.Delay(20);
            Assert.True(NamespaceInit.InContainer(container.Pid, container.Id));
        }
        finally
        {
            await container.KillAsync(TimeSpan.FromSeconds(1));
        }
        var exit = await container.Exited.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(15, exit.Signal);
    }
}
