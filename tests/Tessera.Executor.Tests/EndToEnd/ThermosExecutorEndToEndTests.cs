using Tessera.Agent.Tests.Executors;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Executor.Tests.EndToEnd;

/// <summary>
/// A real master and agent in-process, a framework over the v1 Scheduler API, and the agent starting
/// the real <c>tessera executor thermos</c> (<c>dotnet tessera.dll</c>) as a custom executor.
/// </summary>
public sealed class ThermosExecutorEndToEndTests
{
    private static string Tessera => Path.Combine(AppContext.BaseDirectory, "tessera.dll");

    private static ExecutorInfo Thermos(string id) => ExecutorTestBed.Custom(id, $"dotnet '{Tessera}' executor thermos");

    private static string? FindLog(ExecutorTestBed bed, string process) =>
        Directory.EnumerateFiles(bed.Fixture.WorkDir, "stdout", SearchOption.AllDirectories)
            .FirstOrDefault(f => f.EndsWith(Path.Combine(".logs", process, "0", "stdout"), StringComparison.Ordinal));

    [Fact]
    public async Task Two_ordered_processes_run_and_the_task_finishes()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        const string task = """
            {"name": "hello", "processes": [
               {"name": "second", "cmdline": "echo second; cat first.out"},
               {"name": "first", "cmdline": "echo first > first.out; sleep 0.5; echo first"}],
             "constraints": [{"order": ["first", "second"]}]}
            """;
        await bed.LaunchAsync(bed.Task("t1", Thermos("thermos-1"), task));

        await bed.UntilAsync("t1", TaskState.TASK_RUNNING);
        var finished = await bed.UntilAsync("t1", TaskState.TASK_FINISHED);
        Assert.Equal(TaskStatusSource.SOURCE_EXECUTOR, finished.Source);

        var first = FindLog(bed, "first");
        Assert.NotNull(first);
        Assert.Equal("first\n", File.ReadAllText(first));
        Assert.Equal("second\nfirst\n", File.ReadAllText(FindLog(bed, "second")!));
    }

    [Fact]
    public async Task A_process_out_of_failures_fails_the_task_with_a_message_naming_it()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        const string task = """{"processes": [{"name": "broken", "cmdline": "exit 3", "max_failures": 2, "min_duration": 0}]}""";
        await bed.LaunchAsync(bed.Task("t2", Thermos("thermos-2"), task));

        MesosTaskStatus status;
        do
        {
            status = await bed.Scheduler.NextUpdateAsync("t2", TimeSpan.FromSeconds(30));
            if (status.Uuid is not null) await bed.Scheduler.CallAsync(Calls.Acknowledge(status));
        }
        while (!TaskStates.IsTerminal(status.State));
        Assert.Equal(TaskState.TASK_FAILED, status.State);
        Assert.Contains("process 'broken' failed 2 time(s)", status.Message);
        Assert.Contains("exit status 3", status.Message);
    }

    [Fact]
    public async Task A_killed_task_runs_its_final_process_and_ends_killed()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        const string task = """
            {"processes": [{"name": "server", "cmdline": "sleep 60"},
                           {"name": "goodbye", "cmdline": "echo bye", "final": true}]}
            """;
        await bed.LaunchAsync(bed.Task("t3", Thermos("thermos-3"), task));
        await bed.UntilAsync("t3", TaskState.TASK_RUNNING);

        await bed.Scheduler.CallAsync(new SchedulerCall
        {
            Type = SchedulerCallType.KILL,
            Kill = new KillCall { TaskId = TaskID.Of("t3"), AgentId = AgentID.Of(bed.AgentId) },
        });
        var killed = await bed.UntilAsync("t3", TaskState.TASK_KILLED);
        Assert.Equal(TaskStatusSource.SOURCE_EXECUTOR, killed.Source);
        Assert.Equal("bye\n", File.ReadAllText(FindLog(bed, "goodbye")!));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string HealthTask(int code) => $$$"""
        {"processes": [{"name": "server", "min_duration": 0, "cmdline": "exec python3 -c \"import http.server as h\nclass H(h.BaseHTTPRequestHandler):\n  def do_GET(s):\n    s.send_response({{{code}}}); s.end_headers(); s.wfile.write(b'ok')\n  def do_POST(s):\n    s.send_response(200); s.end_headers(); s.wfile.flush(); import os; os._exit(0)\n  def log_message(s, *a): pass\nh.HTTPServer(('127.0.0.1', {{thermos.ports[health]}}), H).serve_forever()\""}],
         "finalization_wait": 5,
         "health_check_config": {"initial_interval_secs": 1, "interval_secs": 0.2, "timeout_secs": 1, "max_consecutive_failures": 1}}
        """;

    [Fact]
    public async Task A_health_checked_task_is_running_only_once_healthy_and_an_unhealthy_one_fails()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        var labels = (int port) => new Labels { Values = [new Label { Key = "thermos.ports[health]", Value = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }] };
        await bed.LaunchAsync(
            bed.Task("h1", Thermos("thermos-h1"), HealthTask(200)) with { Labels = labels(FreePort()) },
            bed.Task("h2", Thermos("thermos-h2"), HealthTask(500)) with { Labels = labels(FreePort()) });

        var reached = await bed.UntilEachAsync(("h1", TaskState.TASK_RUNNING), ("h2", TaskState.TASK_FAILED));
        Assert.True(reached["h1"].Healthy);
        Assert.Contains("unhealthy: HTTP health check GET http://127.0.0.1:", reached["h2"].Message);
        Assert.Contains("last: status 500", reached["h2"].Message);
    }

    // A server on the health port that writes each POST's path to lifecycle.log and exits on `exitOn`.
    private static string LifecycleTask(string exitOn) => $$$"""
        {"processes": [{"name": "server", "min_duration": 0, "cmdline": "exec python3 -c \"import http.server as h, os\nclass H(h.BaseHTTPRequestHandler):\n  def do_POST(s):\n    open('lifecycle.log', 'a').write(s.path + '\\n'); s.send_response(200); s.end_headers(); s.wfile.flush()\n    if s.path == '{{{exitOn}}}': os._exit(0)\n  def log_message(s, *a): pass\nh.HTTPServer(('127.0.0.1', {{thermos.ports[health]}}), H).serve_forever()\""}],
         "lifecycle": {"http": {"graceful_shutdown_wait_secs": 1, "shutdown_wait_secs": 1}} }
        """;

    [Fact]
    public async Task A_kill_posts_quitquitquit_then_abortabortabort_before_signals()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        var labels = (int port) => new Labels { Values = [new Label { Key = "thermos.ports[health]", Value = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }] };
        await bed.LaunchAsync(
            bed.Task("graceful", Thermos("thermos-l1"), LifecycleTask("/quitquitquit")) with { Labels = labels(FreePort()) },
            bed.Task("stubborn", Thermos("thermos-l2"), LifecycleTask("/abortabortabort")) with { Labels = labels(FreePort()) });
        await bed.UntilEachAsync(("graceful", TaskState.TASK_RUNNING), ("stubborn", TaskState.TASK_RUNNING));
        await Task.Delay(500); // RUNNING means the process started; let the servers listen

        foreach (var id in new[] { "graceful", "stubborn" })
            await bed.Scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.KILL, Kill = new KillCall { TaskId = TaskID.Of(id), AgentId = AgentID.Of(bed.AgentId) } });
        var ended = await bed.UntilEachAsync(("graceful", TaskState.TASK_KILLED), ("stubborn", TaskState.TASK_KILLED));

        Assert.Equal(TaskStatusSource.SOURCE_EXECUTOR, ended["graceful"].Source);
        Assert.Equal("/quitquitquit\n", File.ReadAllText(Log(bed, "thermos-l1")));
        Assert.Equal("/quitquitquit\n/abortabortabort\n", File.ReadAllText(Log(bed, "thermos-l2")));
    }

    private static string Log(ExecutorTestBed bed, string executorId) =>
        Directory.EnumerateFiles(bed.Fixture.WorkDir, "lifecycle.log", SearchOption.AllDirectories).Single(f => f.Contains(executorId, StringComparison.Ordinal));

    [Fact]
    public async Task A_process_killed_from_outside_is_restarted_within_its_max_failures()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        var marker = $"{Random.Shared.Next(100, 999)}.{Random.Shared.Next(1000, 9999)}"; // a sleep argument nothing else uses
        var task = $$"""{"processes": [{"name": "server", "cmdline": "echo run; exec sleep {{marker}}", "max_failures": 3, "min_duration": 0}]}""";
        await bed.LaunchAsync(bed.Task("restarts", Thermos("thermos-r"), task));
        await bed.UntilAsync("restarts", TaskState.TASK_RUNNING);

        for (var run = 0; run < 2; run++)
        {
            await UntilFileAsync(bed, Path.Combine(".logs", "server", run.ToString(System.Globalization.CultureInfo.InvariantCulture), "stdout"));
            await Task.Delay(300);
            using var pkill = System.Diagnostics.Process.Start("pkill", ["-9", "-f", $"sleep {marker}"]);
            await pkill.WaitForExitAsync();
            Assert.Equal(0, pkill.ExitCode);
        }

        // Two failures of three: run 2 starts and the task is still running.
        await UntilFileAsync(bed, Path.Combine(".logs", "server", "2", "stdout"));
        await bed.Scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.KILL, Kill = new KillCall { TaskId = TaskID.Of("restarts"), AgentId = AgentID.Of(bed.AgentId) } });
        Assert.Equal(TaskState.TASK_KILLED, (await bed.UntilAsync("restarts", TaskState.TASK_KILLED)).State);
    }

    private static async Task UntilFileAsync(ExecutorTestBed bed, string suffix)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Directory.EnumerateFiles(bed.Fixture.WorkDir, "stdout", SearchOption.AllDirectories).Any(f => f.EndsWith(suffix, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"no {suffix} in 30 s");
            await Task.Delay(100);
        }
    }
}
