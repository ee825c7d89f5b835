namespace Tessera.State.Tests;

public sealed class ExpectVersionTests
{
    [Fact]
    public void Conditions_match_as_documented()
    {
        Assert.True(ExpectVersion.Any.IsSatisfiedBy(null));
        Assert.True(ExpectVersion.Any.IsSatisfiedBy(5));
        Assert.True(ExpectVersion.Absent.IsSatisfiedBy(null));
        Assert.False(ExpectVersion.Absent.IsSatisfiedBy(5));
        Assert.True(ExpectVersion.Exactly(5).IsSatisfiedBy(5));
        Assert.False(ExpectVersion.Exactly(5).IsSatisfiedBy(6));
        Assert.False(ExpectVersion.Exactly(5).IsSatisfiedBy(null));
        Assert.Equal(ExpectVersion.Absent, default);
        Assert.Equal(5, ExpectVersion.Exactly(5).Version);
        Assert.Equal("version 5", ExpectVersion.Exactly(5).ToString());
    }

    [Fact]
    public void Exact_versions_start_at_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectVersion.Exactly(0));
}
