using System.Text.Json;

namespace Tessera.Executor.Thermos;

public static partial class ThermosTaskReader
{
    /// <summary>
    /// <c>lifecycle</c>: <c>{http: {port, graceful_shutdown_endpoint, shutdown_endpoint,
    /// graceful_shutdown_wait_secs, shutdown_wait_secs}}</c>. Absent: Aurora's default HTTP lifecycle;
    /// present without <c>http</c> (or <c>http: null</c>): none, a kill goes straight to signals.
    /// </summary>
    private static HttpLifecycleSpec? ReadLifecycle(JsonElement root, string prefix)
    {
        if (!root.TryGetProperty("lifecycle", out var lifecycle)) return new HttpLifecycleSpec();
        var p = prefix + "lifecycle.";
        if (lifecycle.ValueKind == JsonValueKind.Null) return null;
        if (lifecycle.ValueKind != JsonValueKind.Object) throw new ThermosConfigException(p[..^1], "expected an object");
        if (Field(lifecycle, "http") is not { } http) return null;
        var hp = p + "http.";
        if (http.ValueKind != JsonValueKind.Object) throw new ThermosConfigException(hp[..^1], "expected an object");
        var spec = new HttpLifecycleSpec();
        spec = spec with
        {
            Port = String(http, "port", hp) ?? spec.Port,
            GracefulEndpoint = Endpoint(http, "graceful_shutdown_endpoint", hp) ?? spec.GracefulEndpoint,
            ShutdownEndpoint = Endpoint(http, "shutdown_endpoint", hp) ?? spec.ShutdownEndpoint,
            GracefulWait = Seconds(http, "graceful_shutdown_wait_secs", hp) ?? spec.GracefulWait,
            ShutdownWait = Seconds(http, "shutdown_wait_secs", hp) ?? spec.ShutdownWait,
        };
        if (spec.GracefulWait < TimeSpan.Zero) throw new ThermosConfigException(hp + "graceful_shutdown_wait_secs", "must be ≥ 0");
        if (spec.ShutdownWait < TimeSpan.Zero) throw new ThermosConfigException(hp + "shutdown_wait_secs", "must be ≥ 0");
        return spec;
    }

    private static string? Endpoint(JsonElement http, string name, string prefix)
    {
        var value = String(http, name, prefix);
        // A path on the task's own port, never a URL: the executor only ever talks to 127.0.0.1:port.
        if (value is not null && (!value.StartsWith('/') || value.Contains("://", StringComparison.Ordinal)))
            throw new ThermosConfigException(prefix + name, $"'{value}' must be a path starting with '/'");
        return value;
    }
}
