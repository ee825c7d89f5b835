using System.Net;
using System.Text.Json;

namespace Tessera.Cli.Client;

/// <summary>
/// An agent's sandbox files API (<c>GET /files/read?path=&amp;offset=&amp;length=</c>, docs/agent-api.md)
/// and <c>/files/browse</c> as <c>task logs</c> uses them. A missing file is data (null), an unreachable agent is exit code 3,
/// any other refusal a one-line error with the agent's own reason.
/// </summary>
internal sealed class AgentFilesClient(Uri agent, HttpMessageHandler? handler = null) : IDisposable
{
    /// <summary>The most a single read returns (the agent's own cap: 16 pages).</summary>
    public const int MaxRead = 64 * 1024;

    private readonly HttpClient _http = new(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
        BaseAddress = agent,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public Uri Agent => agent;

    /// <summary>The file's size in bytes, or null when the agent has no such file.</summary>
    public async Task<long?> SizeAsync(string path, CancellationToken ct) =>
        (await ReadAsync(path, -1, -1, ct))?.Offset;

    /// <summary><paramref name="length"/> bytes (at most <see cref="MaxRead"/>) from <paramref name="offset"/>; null when the file is not there.</summary>
    public async Task<FileChunk?> ReadAsync(string path, long offset, long length, CancellationToken ct) =>
        await GetAsync($"/files/read?path={Uri.EscapeDataString(path)}&offset={offset}&length={length}", path, ct) is { } body ? FileChunk.Parse(body) : null;

    /// <summary>The body of a files API GET; null on 404.</summary>
    private async Task<byte[]?> GetAsync(string uri, string path, CancellationToken ct)
    {
        HttpResponseMessage reply;
        try
        {
            reply = await _http.GetAsync(uri, ct);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach the agent at {agent}: {e.InnerException?.Message ?? e.Message}", TesseraCommand.ExitUnreachable, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new CliException($"cannot reach the agent at {agent}: no answer within 30 s", TesseraCommand.ExitUnreachable, e);
        }
        using (reply)
        {
            if (reply.StatusCode == HttpStatusCode.NotFound) return null;
            var body = await reply.Content.ReadAsByteArrayAsync(ct);
            if (!reply.IsSuccessStatusCode)
                throw new CliException($"the agent at {agent} refused to read {path}: {(int)reply.StatusCode} {System.Text.Encoding.UTF8.GetString(body).Trim()}");
            return body;
        }
    }

    /// <summary>The entries of a sandbox folder (<c>/files/browse</c>): name and whether it is a folder; null when the agent has no such folder.</summary>
    public async Task<IReadOnlyList<(string Name, bool IsDirectory)>?> BrowseAsync(string path, CancellationToken ct)
    {
        var body = await GetAsync($"/files/browse?path={Uri.EscapeDataString(path)}", path, ct);
        if (body is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            return [.. doc.RootElement.EnumerateArray().Select(e => (
                Path.GetFileName(e.GetProperty("path").GetString() ?? ""),
                (e.GetProperty("mode").GetString() ?? "").StartsWith('d')))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CliException($"the agent's answer to /files/browse is not what this client understands: {e.Message}");
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One answer of <c>/files/read</c>: <c>{"data": "...", "offset": N}</c>.</summary>
internal sealed record FileChunk(string Data, long Offset)
{
    public static FileChunk Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            return new FileChunk(root.GetProperty("data").GetString() ?? "", root.GetProperty("offset").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CliException($"the agent's answer to /files/read is not what this client understands: {e.Message}");
        }
    }
}
