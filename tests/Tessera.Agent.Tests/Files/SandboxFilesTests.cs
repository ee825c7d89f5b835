using System.Diagnostics;
using Tessera.Agent.Files;

namespace Tessera.Agent.Tests.Files;

public sealed class SandboxFilesTests
{
    [Fact]
    public void ListingNamesEntriesUnderTheAskedPathSortedWithModesAndOwners()
    {
        using var box = new TempSandbox();
        File.CreateSymbolicLink(Path.Combine(box.Run, "link"), "/etc");
        var resolved = SandboxPath.Resolve(box.Root, box.Run);
        var list = SandboxFiles.List(resolved.Path!, resolved.Stat!, "/virtual/run/");
        Assert.Equal(["/virtual/run/link", "/virtual/run/logs", "/virtual/run/stdout"], list.Select(e => e.Path));
        Assert.StartsWith("l", list[0].Mode, StringComparison.Ordinal);
        Assert.StartsWith("d", list[1].Mode, StringComparison.Ordinal);
        Assert.Matches("^-rw", list[2].Mode);
        Assert.Equal(6, list[2].Size);
        Assert.Equal(1u, list[2].Nlink);
        Assert.Equal(Environment.UserName, list[2].Uid);
        Assert.InRange(list[2].Mtime, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
    }

    [Fact]
    public void OpenRefusesAFileSwappedForASymlinkAfterItWasResolved()
    {
        using var box = new TempSandbox();
        var path = Path.Combine(box.Run, "stdout");
        var resolved = SandboxPath.Resolve(box.Root, path);
        File.Delete(path);
        File.CreateSymbolicLink(path, "/etc/hostname");
        var (stream, error) = SandboxFiles.Open(resolved.Path!, resolved.Stat!);
        Assert.Null(stream);
        Assert.NotNull(error);
    }

    [Fact]
    public void OpenRefusesAFileReplacedByAnotherOne()
    {
        using var box = new TempSandbox();
        var path = Path.Combine(box.Run, "stdout");
        var resolved = SandboxPath.Resolve(box.Root, path);
        // Written aside and renamed over it, as a log rotation would: a new inode under the old name.
        File.WriteAllText(path + ".new", "other");
        File.Move(path + ".new", path, overwrite: true);
        var (stream, error) = SandboxFiles.Open(resolved.Path!, resolved.Stat!);
        Assert.Null(stream);
        Assert.Contains("changed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenRefusesAFifoWithoutBlocking()
    {
        using var box = new TempSandbox();
        var fifo = Path.Combine(box.Run, "pipe");
        using (var mkfifo = Process.Start("mkfifo", fifo)) await mkfifo.WaitForExitAsync();
        var resolved = SandboxPath.Resolve(box.Root, fifo);
        var (stream, error) = SandboxFiles.Open(resolved.Path!, resolved.Stat!);
        Assert.Null(stream);
        Assert.Contains("not a regular file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenReadsARegularFile()
    {
        using var box = new TempSandbox();
        var resolved = SandboxPath.Resolve(box.Root, Path.Combine(box.Run, "stdout"));
        var (stream, error) = SandboxFiles.Open(resolved.Path!, resolved.Stat!);
        Assert.Null(error);
        await using (stream)
        {
            using var reader = new StreamReader(stream!);
            Assert.Equal("hello\n", await reader.ReadToEndAsync());
        }
    }
}
