using System.Text;
using Tessera.Core.Json;

namespace Tessera.Core.Tests.Json;

public sealed class StrictJsonTests
{
    private static JsonProblem? Check(string json) => StrictJson.Check(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"a":[1,"x",{"b":null}],"c":null,"d":"\u00e9\ud83d\ude00"}""")]
    [InlineData("""[{"a":1},{"a":2}]""")]
    [InlineData("""{"a":{"a":{"a":1}}}""")]
    public void CleanInputPasses(string json) => Assert.Null(Check(json));

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "$.a", "'a'")]
    [InlineData("""{"x":{"k":1,"y":2,"k":3}}""", "$.x.k", "'k'")]
    [InlineData("""{"list":[{"b":1},{"b":1,"b":2}]}""", "$.list[1].b", "'b'")]
    [InlineData("""{"a":1,"\u0061":2}""", "$.a", "'a'")]
    public void DuplicateKeysAreRefusedNamingTheKey(string json, string path, string key)
    {
        var problem = Check(json)!;

        Assert.Equal(JsonProblemKind.DuplicateKey, problem.Kind);
        Assert.Equal(path, problem.Path);
        Assert.Contains(key, problem.Rule);
    }

    [Fact]
    public void DuplicatesAreFoundWhetherNamesAreShortLongEscapedOrNotAscii()
    {
        var longName = new string('n', 200);
        Assert.Equal(JsonProblemKind.DuplicateKey, Check($$"""{"{{longName}}":1,"{{longName}}":2}""")!.Kind);
        Assert.Equal(JsonProblemKind.DuplicateKey, Check("""{"é":1,"\u00e9":2}""")!.Kind);
        Assert.Equal(JsonProblemKind.DuplicateKey, Check("""{"é":1,"é":2}""")!.Kind);
        Assert.Null(Check($$"""{"{{longName}}":1,"{{longName}}x":2,"é":3,"e":4}"""));
    }

    [Theory]
    [InlineData("""{"ids":[{"value":"a"},null]}""", "$.ids[1]")]
    [InlineData("""[null]""", "$[0]")]
    [InlineData("""{"a":{"b":[[1],[2,null]]}}""", "$.a.b[1][1]")]
    public void NullArrayElementsAreRefusedWithTheirIndex(string json, string path)
    {
        var problem = Check(json)!;

        Assert.Equal(JsonProblemKind.NullElement, problem.Kind);
        Assert.Equal(path, problem.Path);
    }

    [Theory]
    [InlineData("""{"x\ud800":1}""", "$")]
    [InlineData("""{"x":"a\udc00b"}""", "$.x")]
    [InlineData("""{"x":["ok","\ud800"]}""", "$.x[1]")]
    public void LoneSurrogateEscapesAreRefused(string json, string path)
    {
        var problem = Check(json)!;

        Assert.Equal(JsonProblemKind.Encoding, problem.Kind);
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void InvalidUtf8IsRefusedWithItsOffset()
    {
        byte[] body = [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}'];

        var problem = StrictJson.Check(body)!;

        Assert.Equal(JsonProblemKind.Encoding, problem.Kind);
        Assert.Contains("byte 6", problem.Rule);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"a":1} x""")]
    [InlineData("""{"a":01}""")]
    [InlineData("""{'a':1}""")]
    public void SyntaxErrorsAreRefused(string json) => Assert.Equal(JsonProblemKind.Syntax, Check(json)!.Kind);

    [Fact]
    public void NestingDeeperThanTheLimitIsRefused()
    {
        Assert.Null(Check(new string('[', StrictJson.MaxDepth) + new string(']', StrictJson.MaxDepth)));
        Assert.Equal(JsonProblemKind.Syntax, Check(new string('[', StrictJson.MaxDepth + 1) + new string(']', StrictJson.MaxDepth + 1))!.Kind);
    }

    [Fact]
    public void OddPropertyNamesArePrintedQuotedAndEscaped()
    {
        var problem = Check("{\"a b\":{\"c\\n\":[null]}}")!;

        Assert.Equal("$['a b']['c\\u000a'][0]", problem.Path);
    }

    [Theory]
    [InlineData("$", new object[0])]
    [InlineData("$.a.b[2].c", new object[] { "a", "b", 2, "c" })]
    [InlineData("$.limits['cpus.x']", new object[] { "limits", "cpus.x" })]
    [InlineData("$['a[0]'][1]['it\\'s']", new object[] { "a[0]", 1, "it's" })]
    public void PathsSplitIntoNamesAndIndices(string path, object[] expected) => Assert.Equal(expected, JsonPaths.Segments(path));
}
