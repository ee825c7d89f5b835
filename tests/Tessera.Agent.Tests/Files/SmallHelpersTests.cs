using Tessera.Agent.Files;

namespace Tessera.Agent.Tests.Files;

public sealed class SmallHelpersTests
{
    [Theory]
    [InlineData(0x81A4u, "-rw-r--r--")]
    [InlineData(0x41EDu, "drwxr-xr-x")]
    [InlineData(0xA1FFu, "lrwxrwxrwx")]
    [InlineData(0x11A0u, "prw-r-----")]
    [InlineData(0x89EDu, "-rwsr-xr-x")]
    [InlineData(0x43FFu, "drwxrwxrwt")]
    [InlineData(0x8C00u, "---S--S---")]
    public void ModesReadAsLsShowsThem(uint mode, string text) => Assert.Equal(text, FileModeText.Format(mode));

    [Fact]
    public void AccountsParseNamesByIdAndSkipJunk()
    {
        var names = UnixAccounts.Parse("root:x:0:0:root:/root:/bin/bash\n# comment\nbroken\ndaemon:x:1:1::/:/bin/false\ndup:x:0:0::/:/bin/sh\n");
        Assert.Equal("root", names[0]);
        Assert.Equal("daemon", names[1]);
        Assert.Equal(2, names.Count);
    }

    [Theory]
    [InlineData(null, null, -1L, null)]
    [InlineData("0", null, 0L, null)]
    [InlineData("10", "5", 10L, 5L)]
    [InlineData("-1", "-1", -1L, null)]
    public void ReadRangesParseAsMesosTakesThem(string? offset, string? length, long expectedOffset, long? expectedLength)
    {
        var (range, error) = ReadRange.Parse(offset, length);
        Assert.Null(error);
        Assert.Equal(new ReadRange(expectedOffset, expectedLength), range);
    }

    [Theory]
    [InlineData("abc", null, "'offset' must be an integer")]
    [InlineData("-2", null, "'offset' must be -1")]
    [InlineData("0", "x", "'length' must be an integer")]
    [InlineData("0", "-5", "'length' must be -1")]
    public void BadReadRangesNameTheParameter(string offset, string? length, string message)
    {
        var (range, error) = ReadRange.Parse(offset, length);
        Assert.Null(range);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCountsStopAtTheEndAndAtSixteenPages()
    {
        Assert.Equal(0, new ReadRange(-1, null).Count(100));
        Assert.Equal(0, new ReadRange(100, null).Count(100));
        Assert.Equal(40, new ReadRange(60, null).Count(100));
        Assert.Equal(5, new ReadRange(60, 5).Count(100));
        Assert.Equal(ReadRange.MaxChunk, new ReadRange(0, null).Count(10_000_000));
    }

    [Fact]
    public void VirtualPathsMapToTheRunFolder()
    {
        var path = VirtualSandboxPath.Parse("/frameworks/f1/executors/t1/runs/latest/logs/app.log");
        Assert.Equal(new VirtualSandboxPath("f1", "t1", "latest", "logs/app.log"), path);
        Assert.Equal("/w/slaves/a1/frameworks/f1/executors/t1/runs/r9/logs/app.log", path!.HostPath("/w/slaves", "a1", "r9"));
        Assert.Null(VirtualSandboxPath.Parse("/frameworks/f1/executors/t1"));
        Assert.Null(VirtualSandboxPath.Parse("/etc/passwd"));
    }
}
