using Tessera.Cli.Tests.Cluster;

namespace Tessera.Cli.Tests.Jobs;

/// <summary><c>tessera job restart</c>'s options, checked before anything is sent (no scheduler runs at 127.0.0.1:1).</summary>
public sealed class JobRestartOptionsTests
{
    private static Task<CliRun> Restart(params string[] options) =>
        CliRun.Of(["job", "restart", "devcluster/www-data/test/hello", .. options, "--jobs", "127.0.0.1:1"]);

    [Theory]
    [InlineData("--batch-size", "0", "--batch-size: must be at least 1, not 0")]
    [InlineData("--watch-secs", "-1", "--watch-secs: must be at least 0, not -1")]
    [InlineData("--max-per-instance-failures", "-1", "--max-per-instance-failures: must be at least 0, not -1")]
    [InlineData("--max-total-failures", "-3", "--max-total-failures: must be at least 0, not -3")]
    public async Task BadValuesAreExitTwoNamingTheOption(string option, string value, string expected)
    {
        var run = await Restart(option, value);

        Assert.Equal(2, run.Code);
        Assert.Equal($"tessera: {expected}\n", run.Err);
    }

    [Fact]
    public async Task GoodValuesGetAsFarAsTheScheduler()
    {
        var run = await Restart("--batch-size", "2", "--watch-secs", "0", "--max-per-instance-failures", "1", "--max-total-failures", "2", "--wait");

        Assert.Equal(3, run.Code);
        Assert.Contains("cannot reach the jobs scheduler", run.Err);
    }

    [Fact]
    public async Task AWatchThatIsNotANumberIsAParseError()
    {
        var run = await Restart("--watch-secs", "soon");

        Assert.NotEqual(0, run.Code);
        Assert.Contains("soon", run.Err);
    }
}
