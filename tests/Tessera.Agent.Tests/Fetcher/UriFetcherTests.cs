using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tessera.Agent.Fetcher;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tests.Fetcher;

/// <summary>The fetcher with real files, a real local HTTP server and real archives, including hostile ones.</summary>
public sealed class UriFetcherTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-fetch-").FullName;

    private string Sandbox => Path.Combine(_root, "sandbox");

    public void Dispose() => Directory.Delete(_root, true);

    private string Source(string name, string content)
    {
        var path = Path.Combine(_root, "src", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<FetchResult> FetchAsync(params CommandUri[] uris) => FetchAsync(new FetcherOptions(), uris);

    private async Task<FetchResult> FetchAsync(FetcherOptions options, params CommandUri[] uris)
    {
        using var http = new HttpClient();
        return await new UriFetcher(http, options, TimeProvider.System).FetchAsync(uris, Sandbox, CancellationToken.None);
    }

    /// <summary>Every file and directory under the root that is not in the sandbox or the sources: what escaped.</summary>
    private List<string> Escaped() => [.. Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories)
        .Where(p => !p.StartsWith(Sandbox, StringComparison.Ordinal) && !p.StartsWith(Path.Combine(_root, "src"), StringComparison.Ordinal))];

    [Fact]
    public async Task ALocalPathIsCopiedUnderItsName()
    {
        var result = await FetchAsync(new CommandUri { Value = Source("app.conf", "port=1") });
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("port=1", File.ReadAllText(Path.Combine(Sandbox, "app.conf")));
    }

    [Fact]
    public async Task AFileUriIsCopiedToItsOutputFile()
    {
        var path = Source("data.txt", "hello");
        var result = await FetchAsync(new CommandUri { Value = new Uri(path).AbsoluteUri, OutputFile = "conf/renamed.txt" });
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(Sandbox, "conf", "renamed.txt")));
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("/tmp/outside.txt")]
    [InlineData("a/../../outside.txt")]
    public async Task AnOutputFileOutsideTheSandboxIsRefused(string outputFile)
    {
        var result = await FetchAsync(new CommandUri { Value = Source("x.txt", "x"), OutputFile = outputFile });
        Assert.False(result.Succeeded);
        Assert.Contains("must be a relative path inside the sandbox", result.Error, StringComparison.Ordinal);
        Assert.Empty(Escaped());
    }

    [Fact]
    public async Task AMissingFileFailsNamingTheUri()
    {
        var missing = Path.Combine(_root, "nope.bin");
        var result = await FetchAsync(new CommandUri { Value = Source("a.txt", "a") }, new CommandUri { Value = missing });
        Assert.Equal(missing, result.FailedUri);
        Assert.Equal($"Failed to fetch URI '{missing}': '{missing}' does not exist", result.Message);
    }

    [Theory]
    [InlineData("relative/path.txt", "relative paths are not supported")]
    [InlineData("hdfs://namenode/file", "the scheme 'hdfs' is not supported")]
    public async Task UnsupportedSourcesFailWithTheReason(string uri, string reason)
    {
        var result = await FetchAsync(new CommandUri { Value = uri });
        Assert.StartsWith(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecutableMakesTheFileExecutable()
    {
        var result = await FetchAsync(new CommandUri { Value = Source("run.sh", "#!/bin/sh\necho hi\n"), Executable = true });
        Assert.True(result.Succeeded, result.Message);
        Assert.True(FileModes.Get(Path.Combine(Sandbox, "run.sh")).HasFlag(UnixFileMode.UserExecute));
    }

    private static async Task<LocalHttpServer> ServerAsync(byte[] body) => await LocalHttpServer.StartAsync(async context =>
    {
        if (context.Request.Path == "/file.bin")
        {
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        }
        else if (context.Request.Path == "/chunked.bin")
        {
            await context.Response.Body.WriteAsync(body); // no Content-Length: the limit is enforced while reading
        }
        else if (context.Request.Path == "/slow.bin")
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    });

    [Fact]
    public async Task HttpDownloadsIntoTheSandbox()
    {
        var body = Encoding.UTF8.GetBytes("downloaded bytes");
        await using var server = await ServerAsync(body);
        var result = await FetchAsync(new CommandUri { Value = new Uri(server.Address, "/file.bin").ToString() });
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(body, File.ReadAllBytes(Path.Combine(Sandbox, "file.bin")));
    }

    [Fact]
    public async Task HttpErrorsFailWithTheStatus()
    {
        await using var server = await ServerAsync([]);
        var url = new Uri(server.Address, "/gone.bin").ToString();
        var result = await FetchAsync(new CommandUri { Value = url });
        Assert.Equal($"Failed to fetch URI '{url}': the server answered 404 Not Found", result.Message);
        Assert.False(File.Exists(Path.Combine(Sandbox, "gone.bin")));
    }

    [Theory]
    [InlineData("/file.bin")]
    [InlineData("/chunked.bin")]
    public async Task DownloadsOverTheSizeLimitFailAndLeaveNothing(string path)
    {
        await using var server = await ServerAsync(new byte[200_000]);
        var result = await FetchAsync(new FetcherOptions { MaxDownloadBytes = 100_000 }, new CommandUri { Value = new Uri(server.Address, path).ToString() });
        Assert.False(result.Succeeded);
        Assert.Contains("100000", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Sandbox, path.TrimStart('/'))));
    }

    [Fact]
    public async Task DownloadsPastTheTimeoutFail()
    {
        await using var server = await ServerAsync([]);
        var result = await FetchAsync(new FetcherOptions { DownloadTimeout = TimeSpan.FromMilliseconds(300) }, new CommandUri { Value = new Uri(server.Address, "/slow.bin").ToString() });
        Assert.Equal("the download did not finish within 0.3 s", result.Error);
    }

    private string Tar(string name, bool gzip, params TarEntry[] entries)
    {
        var path = Path.Combine(_root, "src", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var writer = new TarWriter(stream, TarEntryFormat.Pax);
        foreach (var entry in entries) writer.WriteEntry(entry);
        return path;
    }

    private static PaxTarEntry Regular(string name, string content) => new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };

    private static PaxTarEntry Link(string name, string target) => new(TarEntryType.SymbolicLink, name) { LinkName = target };

    [Theory]
    [InlineData("bundle.tar", false)]
    [InlineData("bundle.tar.gz", true)]
    [InlineData("bundle.tgz", true)]
    public async Task TarArchivesAreExtractedIntoTheSandbox(string name, bool gzip)
    {
        var archive = Tar(name, gzip, new PaxTarEntry(TarEntryType.Directory, "bin/"), Regular("bin/tool", "#!/bin/sh\n"), Regular("README", "read me"), Link("current", "bin"));
        var result = await FetchAsync(new CommandUri { Value = archive });
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("read me", File.ReadAllText(Path.Combine(Sandbox, "README")));
        Assert.Equal("#!/bin/sh\n", File.ReadAllText(Path.Combine(Sandbox, "current", "tool")));
        Assert.True(File.Exists(Path.Combine(Sandbox, name)), "the archive itself stays, as in Mesos");
    }

    [Fact]
    public async Task ExtractFalseKeepsTheArchiveAsIs()
    {
        var archive = Tar("keep.tar", false, Regular("inner.txt", "x"));
        var result = await FetchAsync(new CommandUri { Value = archive, Extract = false });
        Assert.True(result.Succeeded, result.Message);
        Assert.False(File.Exists(Path.Combine(Sandbox, "inner.txt")));
        Assert.True(File.Exists(Path.Combine(Sandbox, "keep.tar")));
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("ok/../../evil")]
    [InlineData("/tmp/tessera-evil-absolute")]
    public async Task TarEntriesEscapingTheSandboxAreRefused(string entry)
    {
        var archive = Tar("evil.tar", false, Regular("fine.txt", "fine"), Regular(entry, "pwned"));
        var result = await FetchAsync(new CommandUri { Value = archive });
        Assert.False(result.Succeeded);
        Assert.Equal($"refused archive entry '{entry}': it would be written outside the sandbox", result.Error);
        Assert.Empty(Escaped());
        Assert.False(File.Exists("/tmp/tessera-evil-absolute"));
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("../..")]
    public async Task SymlinksPointingOutsideAreRefused(string target)
    {
        var archive = Tar("links.tar", false, Link("escape", target), Regular("escape/passwd", "pwned"));
        var result = await FetchAsync(new CommandUri { Value = archive });
        Assert.Equal($"refused archive entry 'escape': its link target '{target}' leaves the sandbox", result.Error);
        Assert.False(File.Exists(Path.Combine(Sandbox, "escape")));
    }

    [Fact]
    public async Task WritingThroughALinkPlantedByAnEarlierEntryIsRefused()
    {
        // "here" points inside, so it is allowed; but "here/here/../.." games must not reach out through it.
        var archive = Tar("chain.tar", false, Link("here", "."), Link("here/up", ".."), Regular("here/here/evil", "x"));
        var result = await FetchAsync(new CommandUri { Value = archive });
        Assert.Equal("refused archive entry 'here/up': it would be written outside the sandbox", result.Error);
        Assert.Empty(Escaped());
    }

    private string Zip(string name, params (string Name, string Content)[] entries)
    {
        var path = Path.Combine(_root, "src", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entryName, content) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(content);
        }
        return path;
    }

    [Fact]
    public async Task ZipArchivesAreExtracted()
    {
        var result = await FetchAsync(new CommandUri { Value = Zip("site.zip", ("index.html", "<h1>hi</h1>"), ("css/site.css", "body{}")) });
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("body{}", File.ReadAllText(Path.Combine(Sandbox, "css", "site.css")));
    }

    [Fact]
    public async Task ZipSlipIsRefused()
    {
        var result = await FetchAsync(new CommandUri { Value = Zip("slip.zip", ("ok.txt", "ok"), ("../evil", "pwned")) });
        Assert.Equal("refused archive entry '../evil': it would be written outside the sandbox", result.Error);
        Assert.Empty(Escaped());
    }

    [Fact]
    public async Task ArchivesBiggerThanTheLimitStop()
    {
        var result = await FetchAsync(new FetcherOptions { MaxExtractedBytes = 10 }, new CommandUri { Value = Zip("bomb.zip", ("big.txt", new string('x', 1000))) });
        Assert.Equal("the archive extracts to more than 10 bytes", result.Error);
    }
}
