using Tessera.Core.Resources;

namespace Tessera.Core.Tests.Resources;

public sealed class RoleNameTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("web")]
    [InlineData("eng/frontend")]
    [InlineData("a.b-c_d")]
    public void AcceptsValidRoles(string role) => Assert.Null(RoleName.Validate(role));

    [Theory]
    [InlineData("")]
    [InlineData("/eng")]
    [InlineData("eng/")]
    [InlineData("eng//web")]
    [InlineData(".")]
    [InlineData("eng/..")]
    [InlineData("-eng")]
    [InlineData("eng/*")]
    [InlineData("a b")]
    [InlineData("a\\b")]
    public void RejectsInvalidRoles(string role) => Assert.NotNull(RoleName.Validate(role));

    [Fact]
    public void SubrolesAndAncestors()
    {
        Assert.True(RoleName.IsStrictSubrole("eng/web", "eng"));
        Assert.False(RoleName.IsStrictSubrole("eng", "eng"));
        Assert.False(RoleName.IsStrictSubrole("engineering", "eng"));
        Assert.Equal(["a/b/c", "a/b", "a"], RoleName.SelfAndAncestors("a/b/c"));
    }
}
