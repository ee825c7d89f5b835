using System.Globalization;

namespace Tessera.Agent.Health;

/// <summary>
/// HTTP GET on <c>127.0.0.1:port/path</c> (<c>[::1]</c> for IPv6) as Mesos' curl does it: redirects
/// followed, certificates not verified for https, healthy on 2xx and 3xx (or on one of
/// <paramref name="statuses"/> when the check lists them).
/// </summary>
internal sealed class HttpChecker(HttpClient http, Uri url, IReadOnlyList<uint>? statuses) : IHealthChecker
{
    public Uri Url { get; } = url;

    public static Uri UrlFor(string? scheme, bool ipv6, uint port, string? path)
    {
        var host = ipv6 ? "[::1]" : "127.0.0.1";
        var rest = string.IsNullOrEmpty(path) ? "/" : path.StartsWith('/') ? path : "/" + path;
        return new Uri($"{scheme ?? "http"}://{host}:{port.ToString(CultureInfo.InvariantCulture)}{rest}");
    }

    public async Task<HealthResult> CheckAsync(CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Url);
            request.Headers.ConnectionClose = true;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            var healthy = statuses is { Count: > 0 } ? statuses.Contains((uint)code) : code is >= 200 and < 400;
            return new HealthResult(healthy, $"GET {Url} answered {code}");
        }
        catch (HttpRequestException e)
        {
            return HealthResult.Fail($"GET {Url} failed: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            return HealthResult.Fail($"GET {Url} did not answer in time");
        }
    }

    /// <summary>The client checks share: no proxy, no certificate checks (curl -k), fresh connections.</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = true,
        PooledConnectionLifetime = TimeSpan.Zero,
        SslOptions = { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };
}
