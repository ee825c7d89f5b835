using Tessera.Cli.Client;

namespace Tessera.Cli.Tests.Jobs;

public sealed class JobInstancesTests
{
    [Fact]
    public void KeyAlone()
    {
        var parsed = JobInstances.Parse("devcluster/www-data/prod/hello");
        Assert.Equal("devcluster/www-data/prod/hello", parsed.Key.ToString());
        Assert.Null(parsed.Instances);
    }

    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0-2,5", new[] { 0, 1, 2, 5 })]
    [InlineData("5,0-1,1", new[] { 0, 1, 5 })]
    [InlineData("3-3", new[] { 3 })]
    public void Ranges(string text, int[] expected) =>
        Assert.Equal(expected, JobInstances.Parse($"c/r/e/n/{text}").Instances!.Value.ToArray());

    [Theory]
    [InlineData("c/r/e", "must be cluster/role/env/name")]
    [InlineData("c/r/e/n/2-1", "ends before it starts")]
    [InlineData("c/r/e/n/a", "must be numbers and ranges")]
    [InlineData("c/r/e/n/1,,2", "must be numbers and ranges")]
    [InlineData("c/r/e/n/-1", "must be numbers and ranges")]
    [InlineData("c/r/e/n/0-999999", "too large")]
    [InlineData("c/r/e/n!/0", "name 'n!' may only contain")]
    public void BadInputIsAUsageError(string text, string message)
    {
        var e = Assert.Throws<CliException>(() => JobInstances.Parse(text));
        Assert.Equal(TesseraCommand.ExitUsage, e.ExitCode);
        Assert.Contains(message, e.Message);
    }
}
