using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Executor.Thermos;

namespace Tessera.Executor.Tests.Thermos;

/// <summary>
/// A <see cref="TaskRunner"/> running a real python3 HTTP server in a temp sandbox, checked by a
/// <see cref="HealthMonitor"/> wired as the executor wires it: RUNNING once healthy, an unhealthy task
/// torn down as failed.
/// </summary>
public sealed class HealthCheckRunTests : IDisposable
{
    private const string Server = """
        import http.server, sys
        port, code, body = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode()
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(code if self.path == "/health" else 404)
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        http.server.HTTPServer(("127.0.0.1", port), H).serve_forever()
        """;

    private readonly string _sandbox = Directory.CreateTempSubdirectory("thermos-health-").FullName;

    public HealthCheckRunTests() => File.WriteAllText(Path.Combine(_sandbox, "server.py"), Server);

    public void Dispose()
    {
        try { Directory.Delete(_sandbox, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static readonly HealthCheckSpec Fast = new()
    {
        InitialInterval = TimeSpan.FromSeconds(2),
        Interval = TimeSpan.FromSeconds(0.2),
        Timeout = TimeSpan.FromSeconds(1),
        MaxConsecutiveFailures = 2,
    };

    private sealed record Run(TaskResult Result, bool ReportedRunning);

    private static async Task ListeningAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private async Task<Run> RunAsync(int code, string body, IHealthCheck? check = null, Func<TaskRunner, Task>? whenRunning = null)
    {
        var port = FreePort();
        var task = new ThermosTask
        {
            Name = "web",
            Processes = [new ThermosProcess { Name = "server", Cmdline = $"exec python3 server.py {port} {code} '{body}'", MinDuration = TimeSpan.Zero }],
            FinalizationWait = TimeSpan.FromSeconds(5),
            HealthCheck = Fast,
        };
        var runner = new TaskRunner("task-1", task, _sandbox, TimeProvider.System, NullLogger.Instance);
        using var http = new HttpClient();
        check ??= HealthChecks.For(task.HealthCheck, new Dictionary<string, int> { ["health"] = port }, _sandbox, http)!;
        using var stop = new CancellationTokenSource();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = runner.RunAsync(CancellationToken.None);
        await runner.FirstStarted.WaitAsync(TimeSpan.FromSeconds(10));
        // On a loaded machine python3 may take longer than the initial interval to listen; the checks
        // under test are about what the server answers, not about it being late.
        await ListeningAsync(port, TimeSpan.FromSeconds(10));
        var monitor = new HealthMonitor(check, Fast, _sandbox, TimeProvider.System, NullLogger.Instance)
            .RunAsync(_ => { running.TrySetResult(); return Task.CompletedTask; }, runner.Fail, stop.Token);
        if (whenRunning is not null)
        {
            await running.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await whenRunning(runner);
        }

        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await monitor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return new Run(result, running.Task.IsCompleted);
    }

    [Fact]
    public async Task A_server_answering_ok_on_health_is_reported_running()
    {
        var run = await RunAsync(200, "OK\n", whenRunning: runner => { runner.Kill(); return Task.CompletedTask; });
        Assert.True(run.ReportedRunning);
        Assert.Equal(TaskOutcome.Killed, run.Result.Outcome);
    }

    [Fact]
    public async Task A_server_answering_500_is_killed_after_max_consecutive_failures_and_the_task_fails()
    {
        var started = DateTimeOffset.UtcNow;
        var run = await RunAsync(500, "ok");
        Assert.False(run.ReportedRunning);
        Assert.Equal(TaskOutcome.Failed, run.Result.Outcome);
        Assert.Contains("unhealthy: HTTP health check GET http://127.0.0.1:", run.Result.Message);
        Assert.Contains("failed 3 time(s) in a row (max_consecutive_failures 2), last: status 500", run.Result.Message);
        // Failures within the 2 s initial interval were forgiven.
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(2));
        Assert.Equal(ProcessStatus.Killed, run.Result.Snapshot["server"].Status);
    }

    [Fact]
    public async Task A_wrong_body_fails_the_check()
    {
        var run = await RunAsync(200, "starting");
        Assert.Equal(TaskOutcome.Failed, run.Result.Outcome);
        Assert.Contains("body 'starting', expected 'ok'", run.Result.Message);
    }

    [Fact]
    public async Task The_snooze_file_keeps_a_failing_task_alive_and_running()
    {
        File.WriteAllText(Path.Combine(_sandbox, HealthMonitor.SnoozeFile), "");
        var run = await RunAsync(500, "ok", whenRunning: async runner =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            runner.Kill();
        });
        Assert.True(run.ReportedRunning);
        Assert.Equal(TaskOutcome.Killed, run.Result.Outcome);
    }

    [Fact]
    public async Task A_shell_check_runs_in_the_sandbox_with_its_timeout()
    {
        var passing = new ShellHealthCheck("test -f server.py", _sandbox);
        Assert.Equal((true, "exit status 0"), await passing.CheckAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        var failing = await new ShellHealthCheck("echo nope >&2; exit 3", _sandbox).CheckAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal((false, "exit status 3: nope"), failing);
        var slow = await new ShellHealthCheck("sleep 10", _sandbox).CheckAsync(TimeSpan.FromSeconds(0.3), CancellationToken.None);
        Assert.Equal((false, "did not end within 0.3 s"), slow);
    }
}
