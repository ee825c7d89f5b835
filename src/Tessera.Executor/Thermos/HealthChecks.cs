namespace Tessera.Executor.Thermos;

/// <summary>
/// Aurora's choice of checker: the shell checker if configured; else HTTP on Tessera's <c>url</c>
/// if given, else on the task's <c>health</c> port, or the port <c>http.port</c> names
/// (<c>http://127.0.0.1:port/endpoint</c>); else none.
/// </summary>
public static class HealthChecks
{
    /// <summary>The check for <paramref name="spec"/>, or null when the task has none.</summary>
    public static IHealthCheck? For(HealthCheckSpec? spec, IReadOnlyDictionary<string, int> ports, string sandbox, HttpClient http)
    {
        if (spec is null) return null;
        if (spec.ShellCommand is { } command) return new ShellHealthCheck(command, sandbox);
        if (spec.Http is not { } h) return null;
        if (h.Url is { } url) return new HttpHealthCheck(http, new Uri(url), h);
        return ports.TryGetValue(h.Port ?? "health", out var port)
            ? new HttpHealthCheck(http, new Uri($"http://127.0.0.1:{port}/{h.Endpoint.TrimStart('/')}"), h)
            : null;
    }
}
