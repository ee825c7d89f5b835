namespace Tessera.Cli.Tests.Cluster;

/// <summary><c>framework teardown</c> on a cluster of its own (it ends the framework the other tests use).</summary>
public sealed class TeardownTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    [Fact]
    public async Task TeardownRemovesTheFrameworkAndKillsItsTasks()
    {
        var run = await cluster.RunAsync("framework", "teardown", cluster.FrameworkId);
        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains("1 task is being killed", run.Out);
        Assert.DoesNotContain(cluster.FrameworkId, (await cluster.RunAsync("framework", "list")).Out);
        var all = await cluster.RunAsync("framework", "list", "--all");
        Assert.Matches($@"(?m)^{cluster.FrameworkId}\s.*removed", all.Out);
        var again = await cluster.RunAsync("framework", "teardown", cluster.FrameworkId);
        Assert.Equal(1, again.Code);
        Assert.Contains("already removed", again.Err);
        var unknown = await cluster.RunAsync("framework", "teardown", "no-such-framework");
        Assert.Equal(1, unknown.Code);
        Assert.StartsWith("tessera: no framework 'no-such-framework'", unknown.Err);
    }
}
