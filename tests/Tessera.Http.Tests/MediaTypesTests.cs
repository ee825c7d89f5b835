using Microsoft.Extensions.Primitives;
using Tessera.Http;

namespace Tessera.Http.Tests;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=\"UTF-8\"")]
    public void JsonIsJson(string contentType) => Assert.Null(MediaTypes.CheckJsonContentType(contentType));

    [Theory]
    [InlineData(null, 400)]
    [InlineData("", 400)]
    [InlineData("application/jsonx", 415)]
    [InlineData("application/json-seq", 415)]
    [InlineData("text/json", 415)]
    [InlineData("application/x-protobuf", 415)]
    [InlineData("application/json; charset=latin1", 415)]
    [InlineData("application/json; boundary=x", 415)]
    public void AnythingElseIsRefused(string? contentType, int status) => Assert.Equal(status, MediaTypes.CheckJsonContentType(contentType)!.Value.Status);

    [Theory]
    [InlineData(null, true)]
    [InlineData("*/*", true)]
    [InlineData("application/*", true)]
    [InlineData("text/html, application/json;q=0.5", true)]
    [InlineData("application/json;q=0", false)]
    [InlineData("application/x-protobuf", false)]
    [InlineData("text/*", false)]
    public void AcceptAllowsJsonUnlessItRulesItOut(string? accept, bool allows) =>
        Assert.Equal(allows, MediaTypes.Accepts(accept is null ? StringValues.Empty : new StringValues(accept)));
}

public sealed class RefusalsTests
{
    [Fact]
    public void ARefusalIsOneBoundedLine()
    {
        Assert.Equal("a: 'x\\ny\\u0001' is not known", Refusals.OneLine("a: 'x\ny\u0001' is not known\n"));
        var long_ = Refusals.OneLine("f: " + new string('a', 10_000));
        Assert.True(long_.Length < Refusals.MaxLength + 20);
        Assert.EndsWith("(cut)", long_);
    }
}
