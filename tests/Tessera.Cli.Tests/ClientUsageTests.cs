namespace Tessera.Cli.Tests;

/// <summary>Client commands that fail before (or without) reaching a master.</summary>
public sealed class ClientUsageTests
{
    private static Task<Cluster.CliRun> Run(params string[] args) => Cluster.CliRun.Of(args);

    [Theory]
    [InlineData("--guarantee", "cpus:x", "--guarantee 'cpus:x'")]
    [InlineData("--guarantee", "cpus", "expected 'name:value'")]
    [InlineData("--limit", "ports:[1-2]", "--limit 'ports:[1-2]'")]
    [InlineData("--limit", "cpus:-1", "--limit 'cpus:-1'")]
    public async Task BadQuotaTextIsExitTwoNamingTheOption(string option, string text, string expected)
    {
        var run = await Run("quota", "set", "dev", option, text, "--master", "127.0.0.1:1");
        Assert.Equal(2, run.Code);
        var line = Assert.Single(run.Err.TrimEnd().Split('\n'));
        Assert.Contains(expected, line);
        Assert.Contains(option, line);
    }

    [Fact]
    public async Task AGuaranteeAboveItsLimitIsExitTwo()
    {
        var run = await Run("quota", "set", "dev", "--guarantee", "cpus:8", "--limit", "cpus:4", "--master", "127.0.0.1:1");
        Assert.Equal(2, run.Code);
        Assert.Contains("--guarantee cpus:8 is above --limit cpus:4", run.Err);
    }

    [Fact]
    public async Task QuotaSetWithoutAmountsIsExitTwo()
    {
        var run = await Run("quota", "set", "dev", "--master", "127.0.0.1:1");
        Assert.Equal(2, run.Code);
        Assert.Contains("needs --guarantee, --limit or both", run.Err);
    }

    [Theory]
    [InlineData("prod", "expected ROLE=WEIGHT")]
    [InlineData("prod=0", "positive number")]
    [InlineData("prod=lots", "positive number")]
    [InlineData("-x=1", "role '-x'")]
    public async Task BadWeightsAreExitTwo(string pair, string expected)
    {
        var run = await Run("weights", "set", pair, "--master", "127.0.0.1:1");
        Assert.Equal(2, run.Code);
        Assert.Contains(expected, run.Err);
    }

    [Fact]
    public async Task TaskLogsNegativeTailIsExitTwo()
    {
        var run = await Run("task", "logs", "x", "--tail", "-3", "--master", "127.0.0.1:1");
        Assert.Equal(2, run.Code);
        Assert.Contains("--tail", run.Err);
    }

    [Theory]
    [InlineData("agent", "list")]
    [InlineData("task", "list")]
    [InlineData("framework", "list")]
    [InlineData("weights")]
    public async Task AnUnreachableMasterIsExitThree(params string[] args)
    {
        var run = await Run([.. args, "--master", "127.0.0.1:1"]);
        Assert.Equal(3, run.Code);
        Assert.StartsWith("tessera: cannot reach the master at http://127.0.0.1:1/", run.Err);
    }

    [Theory]
    [InlineData("agent", "list")]
    [InlineData("agent", "show")]
    [InlineData("framework", "teardown")]
    [InlineData("task", "list")]
    [InlineData("task", "logs")]
    [InlineData("task", "kill")]
    [InlineData("quota", "set")]
    [InlineData("weights", "set")]
    [InlineData("maintenance", "drain")]
    public async Task HelpHasExamples(string group, string verb)
    {
        var run = await Run(group, verb, "--help");
        Assert.Equal(0, run.Code);
        Assert.Contains("Examples:", run.Out);
        Assert.Contains($"tessera {group} {verb}", run.Out);
    }

    [Fact]
    public async Task AgentWithOtherWordsStillRunsAnAgent()
    {
        var run = await Run("agent", "--work-dir=/tmp/a", "--port=0");
        Assert.Equal(2, run.Code);
        Assert.Contains("flag '--port'", run.Err);
    }
}
