using Tessera.Agent.Gc;

namespace Tessera.Agent.Tests.Gc;

public sealed class SandboxRemoverTests
{
    [Fact]
    public void ARunGoesWithItsEmptyExecutorAndFrameworkFolders()
    {
        using var dir = new GcTempDir();
        var run = dir.Run("fw1", "ex1", "r1");
        Assert.Null(SandboxRemover.Remove(run, GcRoot.All(dir.WorkDir)));
        Assert.False(Directory.Exists(run));
        Assert.False(Directory.Exists(Path.Combine(dir.Frameworks(), "fw1")));
        Assert.True(Directory.Exists(dir.Frameworks()));
    }

    [Fact]
    public void ParentsThatStillHoldOtherRunsStay()
    {
        using var dir = new GcTempDir();
        var gone = dir.Run("fw1", "ex1", "r1");
        var kept = dir.Run("fw1", "ex1", "r2");
        var other = dir.Run("fw1", "ex2", "r3");
        Assert.Null(SandboxRemover.Remove(gone, GcRoot.All(dir.WorkDir)));
        Assert.True(Directory.Exists(kept));
        Assert.True(Directory.Exists(other));
        Assert.Null(SandboxRemover.Remove(other, GcRoot.All(dir.WorkDir)));
        Assert.False(Directory.Exists(Path.Combine(dir.Frameworks(), "fw1", "executors", "ex2")));
        Assert.True(Directory.Exists(kept));
    }

    [Fact]
    public void ASymlinkedRunIsRefusedAndItsTargetKept()
    {
        using var dir = new GcTempDir();
        var outside = Directory.CreateTempSubdirectory("tessera-gc-outside-").FullName;
        File.WriteAllText(Path.Combine(outside, "precious"), "x");
        var runs = Path.GetDirectoryName(dir.Run("fw1", "ex1", "r1"))!;
        var link = Path.Combine(runs, "evil");
        Directory.CreateSymbolicLink(link, outside);
        Assert.Contains("symbolic link", SandboxRemover.Remove(link, GcRoot.All(dir.WorkDir)), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outside, "precious")));
        Directory.Delete(outside, recursive: true);
    }

    [Fact]
    public void ASymlinkedParentIsRefused()
    {
        using var dir = new GcTempDir();
        var outside = Directory.CreateTempSubdirectory("tessera-gc-outside-").FullName;
        Directory.CreateDirectory(Path.Combine(outside, "executors", "ex1", "runs", "r1"));
        Directory.CreateDirectory(dir.Frameworks());
        Directory.CreateSymbolicLink(Path.Combine(dir.Frameworks(), "fw1"), outside);
        var path = Path.Combine(dir.Frameworks(), "fw1", "executors", "ex1", "runs", "r1");
        Assert.Contains("symbolic link", SandboxRemover.Remove(path, GcRoot.All(dir.WorkDir)), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(outside, "executors", "ex1", "runs", "r1")));
        Directory.Delete(outside, recursive: true);
    }

    [Fact]
    public void LinksInsideARunAreRemovedNotFollowed()
    {
        using var dir = new GcTempDir();
        var outside = Directory.CreateTempSubdirectory("tessera-gc-outside-").FullName;
        File.WriteAllText(Path.Combine(outside, "precious"), "x");
        var run = dir.Run("fw1", "ex1", "r1");
        Directory.CreateSymbolicLink(Path.Combine(run, "data"), outside);
        Assert.Null(SandboxRemover.Remove(run, GcRoot.All(dir.WorkDir)));
        Assert.False(Directory.Exists(run));
        Assert.True(File.Exists(Path.Combine(outside, "precious")));
        Directory.Delete(outside, recursive: true);
    }

    [Theory]
    [InlineData("meta")]
    [InlineData("slaves/a1/frameworks/fw1")]
    [InlineData("slaves/a1/frameworks/fw1/executors/ex1/runs/r1/../../../../../../..")]
    [InlineData("../elsewhere")]
    public void PathsThatAreNotRunsOrContainerRecordsAreRefused(string relative)
    {
        using var dir = new GcTempDir();
        dir.Run("fw1", "ex1", "r1");
        Assert.NotNull(SandboxRemover.Remove(Path.Combine(dir.WorkDir, relative), GcRoot.All(dir.WorkDir)));
        Assert.True(Directory.Exists(Path.Combine(dir.Frameworks(), "fw1", "executors", "ex1", "runs", "r1")));
    }

    [Fact]
    public void AContainerRecordFolderGoesButTheContainersFolderStays()
    {
        using var dir = new GcTempDir();
        var record = Path.Combine(dir.WorkDir, "meta", "containers", "c1");
        Directory.CreateDirectory(record);
        File.WriteAllText(Path.Combine(record, "status"), "exit 0");
        Assert.Null(SandboxRemover.Remove(record, GcRoot.All(dir.WorkDir)));
        Assert.False(Directory.Exists(record));
        Assert.True(Directory.Exists(Path.Combine(dir.WorkDir, "meta", "containers")));
    }

    [Fact]
    public void AMissingFolderCountsAsGone()
    {
        using var dir = new GcTempDir();
        Assert.Null(SandboxRemover.Remove(Path.Combine(dir.Frameworks(), "fw", "executors", "ex", "runs", "r"), GcRoot.All(dir.WorkDir)));
    }
}
