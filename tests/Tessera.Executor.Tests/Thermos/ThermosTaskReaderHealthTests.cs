using Tessera.Executor.Thermos;

namespace Tessera.Executor.Tests.Thermos;

public sealed class ThermosTaskReaderHealthTests
{
    private const string Processes = "\"processes\": [{\"name\": \"a\", \"cmdline\": \"echo a\"}]";

    [Fact]
    public void Without_health_check_config_the_task_has_no_health_check() =>
        Assert.Null(ThermosTaskReader.Parse("{" + Processes + "}").HealthCheck);

    [Fact]
    public void An_empty_health_check_config_takes_auroras_defaults()
    {
        var health = ThermosTaskReader.Parse("{" + Processes + """, "health_check_config": {}}""").HealthCheck;
        Assert.Equal(new HealthCheckSpec(), health);
        Assert.Equal(new HttpCheckSpec("/health", "ok", 0), health!.Http);
        Assert.Equal((15, 10, 1, 0, 1), (health.InitialInterval.TotalSeconds, health.Interval.TotalSeconds, health.Timeout.TotalSeconds, health.MaxConsecutiveFailures, health.MinConsecutiveSuccesses));
    }

    [Fact]
    public void Every_field_is_read_beside_the_task_or_inside_a_job_object()
    {
        const string config = """
            "health_check_config": {"health_checker": {"http": {"endpoint": "/ready", "expected_response": "", "expected_response_code": 204, "url": "http://localhost:9/x", "port": "web"}},
              "initial_interval_secs": 0.5, "interval_secs": 0.25, "timeout_secs": 2, "max_consecutive_failures": 3, "min_consecutive_successes": 2}
            """;
        var expected = new HealthCheckSpec
        {
            Http = new HttpCheckSpec("/ready", "", 204, "http://localhost:9/x", "web"),
            InitialInterval = TimeSpan.FromSeconds(0.5),
            Interval = TimeSpan.FromSeconds(0.25),
            Timeout = TimeSpan.FromSeconds(2),
            MaxConsecutiveFailures = 3,
            MinConsecutiveSuccesses = 2,
        };
        Assert.Equal(expected, ThermosTaskReader.Parse("{" + Processes + ", " + config + "}").HealthCheck);
        Assert.Equal(expected, ThermosTaskReader.Parse("{\"task\": {" + Processes + "}, " + config + "}").HealthCheck);
    }

    [Fact]
    public void The_shell_checker_replaces_the_http_one()
    {
        var health = ThermosTaskReader.Parse("{" + Processes + """, "health_check_config": {"health_checker": {"shell": {"shell_command": "test -f up"}}}}""").HealthCheck!;
        Assert.Null(health.Http);
        Assert.Equal("test -f up", health.ShellCommand);
    }

    [Theory]
    [InlineData("""{"interval_secs": 0}""", "health_check_config.interval_secs")]
    [InlineData("""{"min_consecutive_successes": 0}""", "health_check_config.min_consecutive_successes")]
    [InlineData("""{"max_consecutive_failures": -1}""", "health_check_config.max_consecutive_failures")]
    [InlineData("""{"health_checker": {"shell": {}}}""", "health_check_config.health_checker.shell.shell_command")]
    [InlineData("""{"health_checker": {"http": {"url": "not a url"}}}""", "health_check_config.health_checker.http.url")]
    [InlineData("""[]""", "health_check_config")]
    public void Bad_health_check_config_names_the_field(string config, string field)
    {
        var ex = Assert.Throws<ThermosConfigException>(() => ThermosTaskReader.Parse("{" + Processes + ", \"health_check_config\": " + config + "}"));
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Bindings_resolve_ports_in_the_shell_command()
    {
        var task = ThermosTaskReader.Parse("{" + Processes + """, "health_check_config": {"health_checker": {"shell": {"shell_command": "curl localhost:{{thermos.ports[http]}}"}}}}""");
        var bound = new ThermosBindings(new Dictionary<string, int> { ["http"] = 8080 }, "t", null).Apply(task);
        Assert.Equal("curl localhost:8080", bound.HealthCheck!.ShellCommand);
    }

    [Fact]
    public void The_checker_is_shell_if_set_else_http_on_the_url_or_the_health_port_else_none()
    {
        using var http = new HttpClient();
        var none = new Dictionary<string, int>();
        var health = new Dictionary<string, int> { ["health"] = 31000, ["http"] = 31001 };
        Assert.Null(HealthChecks.For(null, health, "/tmp", http));
        Assert.Null(HealthChecks.For(new HealthCheckSpec(), none, "/tmp", http));
        Assert.Equal("HTTP health check GET http://127.0.0.1:31000/health", HealthChecks.For(new HealthCheckSpec(), health, "/tmp", http)!.Name);
        Assert.Equal("HTTP health check GET http://localhost:9/x", HealthChecks.For(new HealthCheckSpec { Http = new HttpCheckSpec(Url: "http://localhost:9/x") }, none, "/tmp", http)!.Name);
        Assert.Equal("HTTP health check GET http://127.0.0.1:31001/health", HealthChecks.For(new HealthCheckSpec { Http = new HttpCheckSpec(Port: "http") }, health, "/tmp", http)!.Name);
        Assert.Equal("shell health check 'true'", HealthChecks.For(new HealthCheckSpec { Http = null, ShellCommand = "true" }, health, "/tmp", http)!.Name);
    }

    [Fact]
    public void Without_lifecycle_the_task_has_auroras_http_lifecycle_and_an_empty_one_means_none()
    {
        Assert.Equal(new HttpLifecycleSpec(), ThermosTaskReader.Parse("{" + Processes + "}").Lifecycle);
        Assert.Null(ThermosTaskReader.Parse("{" + Processes + """, "lifecycle": {}}""").Lifecycle);
        Assert.Null(ThermosTaskReader.Parse("{" + Processes + """, "lifecycle": {"http": null}}""").Lifecycle);
    }

    [Fact]
    public void Every_lifecycle_field_is_read_and_endpoints_must_be_paths()
    {
        var lifecycle = ThermosTaskReader.Parse("{" + Processes + """
            , "lifecycle": {"http": {"port": "admin", "graceful_shutdown_endpoint": "/stop", "shutdown_endpoint": "/die",
                            "graceful_shutdown_wait_secs": 0.5, "shutdown_wait_secs": 2}}}
            """).Lifecycle;
        Assert.Equal(new HttpLifecycleSpec
        {
            Port = "admin", GracefulEndpoint = "/stop", ShutdownEndpoint = "/die",
            GracefulWait = TimeSpan.FromSeconds(0.5), ShutdownWait = TimeSpan.FromSeconds(2),
        }, lifecycle);
        var bad = Assert.Throws<ThermosConfigException>(() => ThermosTaskReader.Parse("{" + Processes + """, "lifecycle": {"http": {"shutdown_endpoint": "http://evil/x"}}}"""));
        Assert.Contains("lifecycle.http.shutdown_endpoint", bad.Message);
        Assert.Contains("must be a path starting with '/'", bad.Message);
    }
}
