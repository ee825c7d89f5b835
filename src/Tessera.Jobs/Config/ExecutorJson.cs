using System.Text.Json;

namespace Tessera.Jobs.Config;

/// <summary>Pieces of the executor's JSON beyond the task (<see cref="JobConfig.ToExecutorJson"/>).</summary>
internal static class ExecutorJson
{
    /// <summary>
    /// <paramref name="taskJson"/> with <c>health_check_config: {health_checker: {http: {endpoint,
    /// expected_response, expected_response_code[, url][, port]}} | {shell: {shell_command}},
    /// initial_interval_secs, interval_secs, timeout_secs, max_consecutive_failures,
    /// min_consecutive_successes}</c> added at the end.
    /// </summary>
    public static string WithHealthCheck(string taskJson, HealthCheckConfig health, string? port = null)
    {
        using var task = JsonDocument.Parse(taskJson);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in task.RootElement.EnumerateObject())
                property.WriteTo(json);
            json.WriteStartObject("health_check_config");
            json.WriteStartObject("health_checker");
            if (health.Shell is { } shell)
            {
                json.WriteStartObject("shell");
                json.WriteString("shell_command", shell.ShellCommand);
                json.WriteEndObject();
            }
            else if (health.Http is { } http)
            {
                json.WriteStartObject("http");
                json.WriteString("endpoint", http.Endpoint);
                json.WriteString("expected_response", http.ExpectedResponse);
                json.WriteNumber("expected_response_code", http.ExpectedResponseCode);
                if (http.Url is not null)
                    json.WriteString("url", http.Url);
                if (port is not null)
                    json.WriteString("port", port);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteNumber("initial_interval_secs", health.InitialIntervalSecs);
            json.WriteNumber("interval_secs", health.IntervalSecs);
            json.WriteNumber("timeout_secs", health.TimeoutSecs);
            json.WriteNumber("max_consecutive_failures", health.MaxConsecutiveFailures);
            json.WriteNumber("min_consecutive_successes", health.MinConsecutiveSuccesses);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
