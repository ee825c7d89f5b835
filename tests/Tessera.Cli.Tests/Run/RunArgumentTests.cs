namespace Tessera.Cli.Tests.Run;

public sealed class RunArgumentTests
{
    [Theory]
    [InlineData("", "no command given")]
    [InlineData("--", "no command given")]
    [InlineData("--cpus 0 -- true", "--cpus must be a number above 0")]
    [InlineData("--cpus -1 -- true", "--cpus")]
    [InlineData("--cpus lots -- true", "--cpus")]
    [InlineData("--mem 0 -- true", "--mem")]
    [InlineData("--instances 0 -- true", "--instances must be 1 or more")]
    [InlineData("--env NOEQUALS -- true", "--env must be NAME=VALUE")]
    [InlineData("--env 1X=2 -- true", "--env")]
    [InlineData("--timeout soon -- true", "--timeout")]
    [InlineData("--timeout 0secs -- true", "--timeout")]
    [InlineData("--health-http health -- true", "--health-http")]
    [InlineData("--role a//b -- true", "--role")]
    [InlineData("--name a/b -- true", "--name")]
    public async Task BadArgumentsExitTwoWithOneLineNamingTheOption(string args, string expected)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] words = args.Length == 0 ? [] : args.Split(' ');
        var code = await TesseraCommand.RunAsync(["run", "--master", "127.0.0.1:1", .. words], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Empty(stdout.ToString());
        Assert.Contains(expected, Assert.Single(stderr.ToString().TrimEnd().Split('\n')));
    }

    [Fact]
    public async Task HelpShowsExamples()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, await TesseraCommand.RunAsync(["run", "--help"], stdout, new StringWriter()));
        Assert.Contains("tessera run --instances 3", stdout.ToString());
        Assert.Contains("--health-http", stdout.ToString());
    }

    [Fact]
    public async Task UnreachableMasterExitsThree()
    {
        var stderr = new StringWriter();
        Assert.Equal(3, await TesseraCommand.RunAsync(["run", "--master", "127.0.0.1:1", "--", "true"], new StringWriter(), stderr));
        Assert.Contains("cannot reach the master", stderr.ToString());
    }
}
