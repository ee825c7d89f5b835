using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Tessera.Agent.Files;

namespace Tessera.Agent.Http;

/// <summary>
/// Mesos' sandbox files API: <c>/files/browse</c>, <c>/files/read</c>, <c>/files/download</c>
/// (and the <c>.json</c> spellings of the first two). <c>path</c> is an absolute host path inside
/// <c>work_dir/slaves</c> or the virtual <c>/frameworks/F/executors/E/runs/R|latest[/…]</c>; it is
/// confined by <see cref="SandboxPath"/> and refused with 400/403/404 and a text/plain reason.
/// </summary>
internal static partial class FilesEndpoints
{
    public static void Map(WebApplication app, AgentRuntime rt)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tessera.Agent.Files");
        var root = Path.Combine(rt.Options.WorkDir, "slaves");
        foreach (var route in new[] { "/files/browse", "/files/browse.json" })
            app.MapGet(route, http => Browse(http, rt, root, log));
        foreach (var route in new[] { "/files/read", "/files/read.json" })
            app.MapGet(route, http => Read(http, rt, root, log));
        app.MapGet("/files/download", http => Download(http, rt, root, log));
    }

    private static async Task Browse(HttpContext http, AgentRuntime rt, string root, ILogger log)
    {
        if (await Resolve(http, rt, root, log) is not { } found) return;
        var entries = SandboxFiles.List(found.Resolved, found.Stat, found.Asked);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteString("gid", e.Gid);
                w.WriteString("mode", e.Mode);
                w.WriteNumber("mtime", e.Mtime);
                w.WriteNumber("nlink", e.Nlink);
                w.WriteString("path", e.Path);
                w.WriteNumber("size", e.Size);
                w.WriteString("uid", e.Uid);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        await AgentReplies.Json(http, buffer.ToArray());
    }

    private static async Task Read(HttpContext http, AgentRuntime rt, string root, ILogger log)
    {
        var (range, error) = ReadRange.Parse(Query(http, "offset"), Query(http, "length"));
        if (range is null)
        {
            await AgentReplies.Text(http, StatusCodes.Status400BadRequest, error!);
            return;
        }
        if (await Resolve(http, rt, root, log) is not { } found) return;
        if (await Open(http, found, log) is not { } stream) return;
        await using (stream)
        {
            var size = stream.Length;
            var count = range.Count(size);
            var data = new byte[count];
            var read = 0;
            if (count > 0)
            {
                stream.Seek(range.Offset, SeekOrigin.Begin);
                read = await stream.ReadAtLeastAsync(data, count, throwOnEndOfStream: false, http.RequestAborted);
            }
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("data", Encoding.UTF8.GetString(data, 0, read));
                w.WriteNumber("offset", range.SizeOnly || range.Offset >= size ? size : range.Offset);
                w.WriteEndObject();
            }
            await AgentReplies.Json(http, buffer.ToArray());
        }
    }

    private static async Task Download(HttpContext http, AgentRuntime rt, string root, ILogger log)
    {
        if (await Resolve(http, rt, root, log) is not { } found) return;
        if (await Open(http, found, log) is not { } stream) return;
        await using (stream)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/octet-stream";
            http.Response.ContentLength = stream.Length;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(Path.GetFileName(found.Resolved));
            http.Response.Headers.ContentDisposition = disposition.ToString();
            await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }

    private sealed record Found(string Asked, string Resolved, FileStat Stat);

    /// <summary>The confined path, or null after answering the refusal.</summary>
    private static async Task<Found?> Resolve(HttpContext http, AgentRuntime rt, string root, ILogger log)
    {
        var asked = Query(http, "path");
        var host = asked;
        if (VirtualSandboxPath.Parse(asked) is { } virtualPath)
        {
            host = await HostPath(rt, root, virtualPath, http.RequestAborted);
            if (host is null)
            {
                await AgentReplies.Text(http, StatusCodes.Status404NotFound, $"'path': no run of executor '{virtualPath.ExecutorId}' of framework '{virtualPath.FrameworkId}' is known on this agent");
                return null;
            }
        }
        var resolution = SandboxPath.Resolve(root, host);
        if (resolution.Refusal is { } refusal)
        {
            LogRefused(log, http.Request.Path, asked ?? "", refusal.HttpStatus, refusal.Message);
            await AgentReplies.Text(http, refusal.HttpStatus, refusal.Message);
            return null;
        }
        return new Found(asked!, resolution.Path!, resolution.Stat!);
    }

    /// <summary>A virtual path on the host: <c>latest</c> is the sandbox of the executor's live task, else its newest run folder.</summary>
    private static async Task<string?> HostPath(AgentRuntime rt, string root, VirtualSandboxPath path, CancellationToken ct)
    {
        var (agentId, live) = await rt.AskAsync(r => (r.AgentId, r.Tasks.TryGetValue((path.FrameworkId, path.ExecutorId), out var task) ? task.Sandbox : null), ct);
        if (agentId is null) return null;
        if (path.Run != VirtualSandboxPath.Latest) return path.HostPath(root, agentId, path.Run);
        if (live is not null) return path.Rest.Length == 0 ? live : Path.Join(live, path.Rest);
        return path.NewestRun(root, agentId) is { } newest ? path.HostPath(root, agentId, newest) : null;
    }

    private static async Task<FileStream?> Open(HttpContext http, Found found, ILogger log)
    {
        var (stream, error) = SandboxFiles.Open(found.Resolved, found.Stat);
        if (stream is not null) return stream;
        var status = found.Stat.IsDirectory || !found.Stat.IsRegularFile ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden;
        LogRefused(log, http.Request.Path, found.Asked, status, error!);
        await AgentReplies.Text(http, status, error!);
        return null;
    }

    private static string? Query(HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "files: {Endpoint} refused path '{Path}' with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string endpoint, string path, int status, string reason);
}
