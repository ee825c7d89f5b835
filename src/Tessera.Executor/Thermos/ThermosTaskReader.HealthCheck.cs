using System.Text.Json;

namespace Tessera.Executor.Thermos;

public static partial class ThermosTaskReader
{
    /// <summary>
    /// <c>health_check_config</c>: <c>health_checker: {http: {endpoint, expected_response,
    /// expected_response_code, url, port}} | {shell: {shell_command}}</c>, <c>initial_interval_secs</c>,
    /// <c>interval_secs</c>, <c>timeout_secs</c>, <c>max_consecutive_failures</c>,
    /// <c>min_consecutive_successes</c>; absent: null (no health checks), absent fields: Aurora's defaults.
    /// </summary>
    private static HealthCheckSpec? ReadHealthCheck(JsonElement root, string prefix)
    {
        if (Field(root, "health_check_config") is not { } h) return null;
        var p = prefix + "health_check_config.";
        if (h.ValueKind != JsonValueKind.Object) throw new ThermosConfigException(p[..^1], "expected an object");
        var spec = new HealthCheckSpec();
        if (Field(h, "health_checker") is { } checker)
        {
            var c = p + "health_checker.";
            if (checker.ValueKind != JsonValueKind.Object) throw new ThermosConfigException(c[..^1], "expected an object");
            if (Field(checker, "shell") is { } shell)
            {
                if (shell.ValueKind != JsonValueKind.Object) throw new ThermosConfigException(c + "shell", "expected an object");
                spec = spec with { Http = null, ShellCommand = String(shell, "shell_command", c + "shell.") ?? throw new ThermosConfigException(c + "shell.shell_command", "required") };
            }
            else if (Field(checker, "http") is { } http)
            {
                if (http.ValueKind != JsonValueKind.Object) throw new ThermosConfigException(c + "http", "expected an object");
                var hp = c + "http.";
                var url = String(http, "url", hp);
                if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
                    throw new ThermosConfigException(hp + "url", $"'{url}' is not an absolute http(s) URL");
                spec = spec with
                {
                    Http = new HttpCheckSpec(String(http, "endpoint", hp) ?? "/health", String(http, "expected_response", hp) ?? "ok",
                        Int(http, "expected_response_code", hp) ?? 0, url, String(http, "port", hp)),
                };
            }
        }

        spec = spec with
        {
            InitialInterval = Seconds(h, "initial_interval_secs", p) ?? spec.InitialInterval,
            Interval = Seconds(h, "interval_secs", p) ?? spec.Interval,
            Timeout = Seconds(h, "timeout_secs", p) ?? spec.Timeout,
            MaxConsecutiveFailures = Int(h, "max_consecutive_failures", p) ?? spec.MaxConsecutiveFailures,
            MinConsecutiveSuccesses = Int(h, "min_consecutive_successes", p) ?? spec.MinConsecutiveSuccesses,
        };
        if (spec.Interval <= TimeSpan.Zero) throw new ThermosConfigException(p + "interval_secs", "must be > 0");
        if (spec.Timeout <= TimeSpan.Zero) throw new ThermosConfigException(p + "timeout_secs", "must be > 0");
        if (spec.InitialInterval < TimeSpan.Zero) throw new ThermosConfigException(p + "initial_interval_secs", "must be ≥ 0");
        if (spec.MaxConsecutiveFailures < 0) throw new ThermosConfigException(p + "max_consecutive_failures", "must be ≥ 0");
        if (spec.MinConsecutiveSuccesses < 1) throw new ThermosConfigException(p + "min_consecutive_successes", "must be ≥ 1");
        return spec;
    }
}
