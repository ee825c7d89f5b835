using Tessera.Agent.Files;

namespace Tessera.Agent.Tests.Files;

public sealed class SandboxPathTests
{
    [Fact]
    public void AFileInsideResolvesToItself()
    {
        using var box = new TempSandbox();
        var result = SandboxPath.Resolve(box.Root, Path.Combine(box.Run, "stdout"));
        Assert.Null(result.Refusal);
        Assert.Equal(Path.Combine(box.Run, "stdout"), result.Path);
        Assert.True(result.Stat!.IsRegularFile);
        Assert.Equal(6, result.Stat.Size);
    }

    [Fact]
    public void ANestedDirectoryResolves()
    {
        using var box = new TempSandbox();
        var result = SandboxPath.Resolve(box.Root, Path.Combine(box.Run, "logs") + "/");
        Assert.Null(result.Refusal);
        Assert.Equal(Path.Combine(box.Run, "logs"), result.Path);
        Assert.True(result.Stat!.IsDirectory);
    }

    [Fact]
    public void DotDotIsRefusedEvenWhenItWouldStayInside()
    {
        using var box = new TempSandbox();
        foreach (var path in new[] { box.Run + "/../../../../../../../../etc/passwd", box.Run + "/logs/../stdout" })
        {
            var refusal = SandboxPath.Resolve(box.Root, path).Refusal;
            Assert.NotNull(refusal);
            Assert.Equal(SandboxRefusalKind.Outside, refusal.Kind);
            Assert.Equal(403, refusal.HttpStatus);
            Assert.Contains("'path'", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("'..'", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ASymlinkToEtcIsRefusedAndSoIsEverythingUnderIt()
    {
        using var box = new TempSandbox();
        File.CreateSymbolicLink(Path.Combine(box.Run, "escape"), "/etc");
        foreach (var path in new[] { Path.Combine(box.Run, "escape"), Path.Combine(box.Run, "escape", "passwd"), Path.Combine(box.Run, "escape", "no-such-file") })
        {
            var refusal = SandboxPath.Resolve(box.Root, path).Refusal;
            Assert.NotNull(refusal);
            Assert.Equal(SandboxRefusalKind.Outside, refusal.Kind);
            Assert.Contains("must resolve inside", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ARelativeSymlinkChainThatClimbsOutIsRefused()
    {
        using var box = new TempSandbox();
        // up -> eight levels up (the work dir), then hop -> up/.. : both relative, chained.
        File.CreateSymbolicLink(Path.Combine(box.Run, "up"), "../../../../../../../..");
        File.CreateSymbolicLink(Path.Combine(box.Run, "logs", "hop"), "../up/..");
        Assert.Equal(SandboxRefusalKind.Outside, SandboxPath.Resolve(box.Root, Path.Combine(box.Run, "up")).Refusal?.Kind);
        Assert.Equal(SandboxRefusalKind.Outside, SandboxPath.Resolve(box.Root, Path.Combine(box.Run, "logs", "hop")).Refusal?.Kind);
    }

    [Fact]
    public void ASymlinkThatStaysInsideIsFollowed()
    {
        using var box = new TempSandbox();
        File.CreateSymbolicLink(Path.Combine(box.Run, "current.log"), "logs/app.log");
        var result = SandboxPath.Resolve(box.Root, Path.Combine(box.Run, "current.log"));
        Assert.Null(result.Refusal);
        Assert.Equal(Path.Combine(box.Run, "logs", "app.log"), result.Path);
    }

    [Fact]
    public void ASymlinkLoopIsRefused()
    {
        using var box = new TempSandbox();
        File.CreateSymbolicLink(Path.Combine(box.Run, "a"), "b");
        File.CreateSymbolicLink(Path.Combine(box.Run, "b"), "a");
        var refusal = SandboxPath.Resolve(box.Root, Path.Combine(box.Run, "a")).Refusal;
        Assert.Equal(SandboxRefusalKind.Outside, refusal?.Kind);
        Assert.Contains("symbolic links", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbsolutePathOutsideIsRefusedWhetherOrNotItExists()
    {
        using var box = new TempSandbox();
        foreach (var path in new[] { "/etc/passwd", "/no/such/file", box.WorkDir, box.Root + "-sibling/x" })
            Assert.Equal(SandboxRefusalKind.Outside, SandboxPath.Resolve(box.Root, path).Refusal?.Kind);
    }

    [Fact]
    public void AMissingFileInsideIsNotFound()
    {
        using var box = new TempSandbox();
        var refusal = SandboxPath.Resolve(box.Root, Path.Combine(box.Run, "nope")).Refusal;
        Assert.Equal(SandboxRefusalKind.NotFound, refusal?.Kind);
        Assert.Equal(404, refusal!.HttpStatus);
    }

    [Fact]
    public void AMissingOrRelativePathIsABadRequest()
    {
        using var box = new TempSandbox();
        Assert.Equal(SandboxRefusalKind.Missing, SandboxPath.Resolve(box.Root, null).Refusal?.Kind);
        Assert.Equal(SandboxRefusalKind.Missing, SandboxPath.Resolve(box.Root, "").Refusal?.Kind);
        var relative = SandboxPath.Resolve(box.Root, "slaves/a1").Refusal;
        Assert.Equal(SandboxRefusalKind.Invalid, relative?.Kind);
        Assert.Equal(400, relative!.HttpStatus);
        Assert.Contains("absolute", relative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkDirReachedThroughASymlinkStillWorks()
    {
        using var box = new TempSandbox();
        var alias = box.WorkDir + "-alias";
        Directory.CreateSymbolicLink(alias, box.WorkDir);
        try
        {
            var viaAlias = Path.Combine(alias, "slaves");
            Assert.Null(SandboxPath.Resolve(viaAlias, Path.Combine(box.Run, "stdout")).Refusal);
            Assert.Null(SandboxPath.Resolve(box.Root, Path.Combine(alias, "slaves", "a1")).Refusal);
        }
        finally
        {
            File.Delete(alias);
        }
    }
}
