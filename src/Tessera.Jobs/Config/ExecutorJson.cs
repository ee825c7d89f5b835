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
    public static string WithHealthCheck(string taskJson, HealthCheckConfig health, string? port = null) => Append(taskJson, json =>
    {
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
    });

    /// <summary>
    /// <paramref name="taskJson"/> with <c>lifecycle: {http: {port, graceful_shutdown_endpoint,
    /// shutdown_endpoint, graceful_shutdown_wait_secs, shutdown_wait_secs}}</c> added at the end, or
    /// <c>lifecycle: {}</c> when the job has no HTTP lifecycle. <paramref name="port"/> overrides the
    /// port name (the Announcer's alias of <c>health</c>).
    /// </summary>
    public static string WithLifecycle(string taskJson, LifecycleConfig lifecycle, string? port = null) => Append(taskJson, json =>
    {
        json.WriteStartObject("lifecycle");
        if (lifecycle.Http is { } http)
        {
            json.WriteStartObject("http");
            json.WriteString("port", port ?? http.Port);
            json.WriteString("graceful_shutdown_endpoint", http.GracefulShutdownEndpoint);
            json.WriteString("shutdown_endpoint", http.ShutdownEndpoint);
            json.WriteNumber("graceful_shutdown_wait_secs", http.GracefulShutdownWaitSecs);
            json.WriteNumber("shutdown_wait_secs", http.ShutdownWaitSecs);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    });

    private static string Append(string taskJson, Action<Utf8JsonWriter> write)
    {
        using var task = JsonDocument.Parse(taskJson);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in task.RootElement.EnumerateObject())
                property.WriteTo(json);
            write(json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
