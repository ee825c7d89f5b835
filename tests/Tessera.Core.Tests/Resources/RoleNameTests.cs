using Tessera.Core.Resources;

namespace Tessera.Core.Tests.Resources;

public sealed class RoleNameTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("web")]
    [InlineData("eng/frontend")]
    [InlineData("a.b-c_d")]
    [InlineData("TASK_RUNNING")]
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
    [InlineData("😀😀😀")]
    [InlineData("eng/caf\u00e9")]
    [InlineData("a:b")]
    [InlineData("a\u0001b")]
    public void RejectsInvalidRoles(string role) => Assert.NotNull(RoleName.Validate(role));

    [Fact]
    public void ComponentsAreAtMost255Characters()
    {
        Assert.Null(RoleName.Validate(new string('a', 255) + "/" + new string('b', 255)));
        Assert.NotNull(RoleName.Validate(new string('a', 256)));
    }

    [Fact]
    public void ErrorTextsShowNonAsciiAsEscapes() =>
        Assert.Contains("\\ud83d", RoleName.Validate("😀")!);

    [Fact]
    public void SubrolesAndAncestors()
    {
        Assert.True(RoleName.IsStrictSubrole("eng/web", "eng"));
        Assert.False(RoleName.IsStrictSubrole("eng", "eng"));
        Assert.False(RoleName.IsStrictSubrole("engineering", "eng"));
        Assert.Equal(["a/b/c", "a/b", "a"], RoleName.SelfAndAncestors("a/b/c"));
    }
}
