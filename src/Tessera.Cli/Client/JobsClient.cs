using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tessera.Jobs;

namespace Tessera.Cli.Client;

/// <summary>The jobs scheduler's REST API (<c>docs/jobs-api.md</c>) for the <c>tessera job</c> commands.</summary>
internal sealed class JobsClient(Uri jobs) : IDisposable
{
    public const string Fallback = "127.0.0.1:8081";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static Uri ParseAddress(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            throw new CliException($"--jobs must be host:port or http://host:port, not '{text}'", TesseraCommand.ExitUsage);
        return uri;
    }

    public static string JobPath(JobKey key) => $"/api/jobs/{key}";

    public Task<string> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<string> PostAsync(string path, string? json, CancellationToken ct) => SendAsync(HttpMethod.Post, path, json, ct);

    /// <summary>The job's status (<c>GET /api/jobs/{key}</c>), decoded.</summary>
    public async Task<Tessera.Jobs.Api.JobStatus> StatusAsync(JobKey key, CancellationToken ct) =>
        Decode(await GetAsync(JobPath(key), ct), Tessera.Jobs.Api.JobsApiJsonContext.Default.JobStatus);

    public static T Decode<T>(string json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new CliException("the jobs scheduler answered null");

    private async Task<string> SendAsync(HttpMethod method, string path, string? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(jobs, path));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach the jobs scheduler at {jobs}: {e.InnerException?.Message ?? e.Message} (is it running? set --jobs or TESSERA_JOBS)", TesseraCommand.ExitUnreachable, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new CliException($"cannot reach the jobs scheduler at {jobs}: no answer within 30 s", TesseraCommand.ExitUnreachable, e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode) return body;
            var code = response.StatusCode == HttpStatusCode.BadRequest ? TesseraCommand.ExitUsage : TesseraCommand.ExitFailure;
            throw new CliException(body.Trim(), code);
        }
    }

    public void Dispose() => _http.Dispose();
}
