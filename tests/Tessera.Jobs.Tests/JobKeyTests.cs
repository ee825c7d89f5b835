using Tessera.Jobs;

namespace Tessera.Jobs.Tests;

public sealed class JobKeyTests
{
    [Fact]
    public void ParsesFourParts()
    {
        Assert.True(JobKey.TryParse("devcluster/www-data/prod/hello", out var key, out _));
        Assert.Equal(new JobKey("devcluster", "www-data", "prod", "hello"), key);
        Assert.Equal("devcluster/www-data/prod/hello", key!.ToString());
    }

    [Theory]
    [InlineData("a/b/c", "4 parts separated by '/', found 3")]
    [InlineData("a/b//d", "environment must not be empty")]
    [InlineData("a/.b/c/d", "role '.b' must not start with '.'")]
    [InlineData("a/b/c/d e", "name 'd e' may only contain letters, digits, '_', '-' and '.'")]
    public void RefusesWithTheRule(string text, string message)
    {
        Assert.False(JobKey.TryParse(text, out var key, out var error));
        Assert.Null(key);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
