using Tessera.Core.Protocol;

namespace Tessera.Agent.Fetcher;

/// <summary>
/// Mesos' fetcher for <c>CommandInfo.uris</c>, before a command starts: each URI lands in the
/// sandbox under its own name (or <c>output_file</c>, which must stay inside the sandbox);
/// <c>executable</c> makes it executable (and it is not extracted); otherwise
/// <c>extract</c> (default true) unpacks .tar, .tar.gz/.tgz, .zip and .gz next to it. Sources:
/// absolute local paths and <c>file://</c> (copied), <c>http://</c> and <c>https://</c>
/// (downloaded with a timeout and a size limit). <c>cache</c> is accepted and ignored: every
/// fetch is a fresh copy. Stops at the first URI that fails.
/// </summary>
internal sealed class UriFetcher(HttpClient http, FetcherOptions options, TimeProvider clock)
{
    /// <summary>A fetcher with its own HTTP client (no proxy, redirects followed).</summary>
    public static UriFetcher Create(TimeProvider clock, FetcherOptions? options = null) =>
        new(new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan }, options ?? new FetcherOptions(), clock);

    public async Task<FetchResult> FetchAsync(IReadOnlyList<CommandUri> uris, string sandbox, CancellationToken ct)
    {
        Directory.CreateDirectory(sandbox);
        foreach (var uri in uris)
        {
            if (await FetchOneAsync(uri, sandbox, ct) is { } error) return new FetchResult(uri.Value, error);
        }
        return FetchResult.Ok;
    }

    private async Task<string?> FetchOneAsync(CommandUri uri, string sandbox, CancellationToken ct)
    {
        var source = FetchSource.Parse(uri.Value);
        if (source.Error is { } bad) return bad;
        var name = uri.OutputFile ?? source.FileName;
        if (string.IsNullOrEmpty(name)) return "the URI names no file; set 'output_file'";
        if (SandboxPaths.Resolve(sandbox, name) is not { } target)
            return $"'{(uri.OutputFile is null ? "the file name" : "output_file")}' {name} must be a relative path inside the sandbox";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            SandboxPaths.RemoveLink(target);
            var error = source.LocalPath is { } local ? await CopyAsync(local, target, ct) : await DownloadAsync(source.Url!, target, ct);
            if (error is not null)
            {
                File.Delete(target);
                return error;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
        if (uri.Executable == true)
        {
            FileModes.MakeExecutable(target);
            return null;
        }
        if (uri.Extract != false && ArchiveKinds.Of(target) is { } kind)
            return await new ArchiveExtractor(options.MaxExtractedBytes).ExtractAsync(target, kind, Path.GetDirectoryName(target)!, ct);
        return null;
    }

    private static async Task<string?> CopyAsync(string source, string target, CancellationToken ct)
    {
        if (!File.Exists(source)) return Directory.Exists(source) ? $"'{source}' is a directory, not a file" : $"'{source}' does not exist";
        await using var from = File.OpenRead(source);
        await using var to = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None);
        await from.CopyToAsync(to, ct);
        return null;
    }

    private async Task<string?> DownloadAsync(Uri url, string target, CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(options.DownloadTimeout, clock);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, both.Token);
            if (!response.IsSuccessStatusCode) return $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}";
            if (response.Content.Headers.ContentLength > options.MaxDownloadBytes)
                return $"the file is {response.Content.Headers.ContentLength} bytes, more than the limit of {options.MaxDownloadBytes}";
            await using var body = await response.Content.ReadAsStreamAsync(both.Token);
            await using var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None);
            var buffer = new byte[81920];
            long total = 0;
            int n;
            while ((n = await body.ReadAsync(buffer, both.Token)) > 0)
            {
                total += n;
                if (total > options.MaxDownloadBytes) return $"the download exceeds the limit of {options.MaxDownloadBytes} bytes";
                await file.WriteAsync(buffer.AsMemory(0, n), both.Token);
            }
            return null;
        }
        catch (HttpRequestException e)
        {
            return $"the download failed: {e.Message}";
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return $"the download did not finish within {options.DownloadTimeout.TotalSeconds:0.###} s";
        }
    }
}
