using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Executor.Thermos;

namespace Tessera.Executor.Tests.Thermos;

/// <summary>The runner with real <c>sh</c> processes in a temp sandbox.</summary>
public sealed class TaskRunnerTests : IDisposable
{
    private readonly string _sandbox = Directory.CreateTempSubdirectory("thermos-runner-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_sandbox, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static ThermosProcess P(string name, string cmdline, int maxFailures = 1, bool final = false, bool ephemeral = false) =>
        new() { Name = name, Cmdline = cmdline, MaxFailures = maxFailures, Final = final, Ephemeral = ephemeral, MinDuration = TimeSpan.Zero };

    private static ThermosTask Task(IReadOnlyList<ThermosProcess> processes, IReadOnlyList<IReadOnlyList<string>>? order = null, double finalizationWait = 30) =>
        new() { Name = "t", Processes = processes, Constraints = order ?? [], FinalizationWait = TimeSpan.FromSeconds(finalizationWait) };

    private TaskRunner Runner(ThermosTask task, string taskId = "task-1") => new(taskId, task, _sandbox, TimeProvider.System, NullLogger.Instance);

    private string Read(string relative) => File.ReadAllText(Path.Combine(_sandbox, relative));

    private static async Task<TaskResult> RunAsync(TaskRunner runner) => await runner.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Ordered_processes_run_one_after_the_other_with_their_logs_in_place()
    {
        var task = Task([
            P("second", "date +%s%N > second.start; echo from-second"),
            P("first", "echo from-first; echo oops >&2; sleep 0.3; date +%s%N > first.end"),
        ], [["first", "second"]]);
        var result = await RunAsync(Runner(task));

        Assert.Equal(TaskOutcome.Succeeded, result.Outcome);
        Assert.True(long.Parse(Read("second.start").Trim()) >= long.Parse(Read("first.end").Trim()), "second started before first ended");
        Assert.Equal("from-first\n", Read(".logs/first/0/stdout"));
        Assert.Equal("oops\n", Read(".logs/first/0/stderr"));
        Assert.Equal("from-second\n", Read(".logs/second/0/stdout"));
        Assert.Contains("\"phase\": \"ENDED\"", Read(".thermos/checkpoint.json"));
    }

    [Fact]
    public async Task A_process_that_exits_1_twice_with_max_failures_2_fails_the_task()
    {
        var result = await RunAsync(Runner(Task([P("bad", "echo run; exit 1", maxFailures: 2)])));

        Assert.Equal(TaskOutcome.Failed, result.Outcome);
        Assert.Contains("process 'bad' failed 2 time(s)", result.Message);
        Assert.Contains("exit status 1", result.Message);
        Assert.Equal("run\n", Read(".logs/bad/1/stdout"));
        Assert.False(Directory.Exists(Path.Combine(_sandbox, ".logs/bad/2")));
    }

    [Fact]
    public async Task Logs_of_the_last_five_runs_are_kept()
    {
        await RunAsync(Runner(Task([P("flaky", "exit 1", maxFailures: 7)])));
        var runs = Directory.GetDirectories(Path.Combine(_sandbox, ".logs/flaky")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["2", "3", "4", "5", "6"], runs);
    }

    [Fact]
    public async Task The_thermos_profile_is_sourced_before_the_cmdline()
    {
        File.WriteAllText(Path.Combine(_sandbox, ".thermos_profile"), "export GREETING=hello-profile\n");
        await RunAsync(Runner(Task([P("greet", "echo $GREETING")])));
        Assert.Equal("hello-profile\n", Read(".logs/greet/0/stdout"));
    }

    [Fact]
    public async Task A_kill_terminates_the_process_tree_runs_the_finals_and_ends_killed()
    {
        var runner = Runner(Task([
            P("server", "trap 'echo got-term; exit 0' TERM; sleep 30 & wait"),
            P("cleanup", "echo finalized > cleanup.out", final: true),
        ]));
        var run = runner.RunAsync(CancellationToken.None);
        await runner.FirstStarted.WaitAsync(TimeSpan.FromSeconds(10));
        await System.Threading.Tasks.Task.Delay(200);
        var started = DateTime.UtcNow;
        runner.Kill();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(TaskOutcome.Killed, result.Outcome);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4), "SIGTERM should have ended the server at once");
        Assert.Equal("got-term\n", Read(".logs/server/0/stdout"));
        Assert.Equal("finalized\n", Read("cleanup.out"));
        Assert.Equal(ProcessStatus.Killed, result.Snapshot["server"].Status);
    }

    [Fact]
    public async Task A_process_ignoring_sigterm_is_sigkilled_after_the_grace()
    {
        var runner = Runner(Task([P("stubborn", "trap '' TERM; sleep 60")], finalizationWait: 2));
        var run = runner.RunAsync(CancellationToken.None);
        await runner.FirstStarted.WaitAsync(TimeSpan.FromSeconds(10));
        runner.Kill();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(TaskOutcome.Killed, result.Outcome);
        Assert.Equal(ProcessStatus.Killed, result.Snapshot["stubborn"].Status);
    }

    [Fact]
    public async Task A_restarted_runner_skips_processes_its_checkpoint_says_succeeded()
    {
        var task = Task([P("setup", "echo ran >> setup.count"), P("main", "echo main > main.out")], [["setup", "main"]]);
        var earlier = TaskSnapshot.Initial(task);
        earlier = earlier with { Processes = earlier.Processes.SetItem("setup", earlier["setup"] with { Status = ProcessStatus.Succeeded, Runs = 1 }) };
        await new TaskCheckpoint(_sandbox).SaveAsync("task-1", earlier, CancellationToken.None);

        var result = await RunAsync(Runner(task));

        Assert.Equal(TaskOutcome.Succeeded, result.Outcome);
        Assert.False(File.Exists(Path.Combine(_sandbox, "setup.count")));
        Assert.Equal("main\n", Read("main.out"));
    }

    [Fact]
    public async Task A_checkpoint_of_another_task_is_ignored()
    {
        var task = Task([P("setup", "echo ran >> setup.count")]);
        var other = TaskSnapshot.Initial(task);
        other = other with { Processes = other.Processes.SetItem("setup", other["setup"] with { Status = ProcessStatus.Succeeded }) };
        await new TaskCheckpoint(_sandbox).SaveAsync("other-task", other, CancellationToken.None);

        await RunAsync(Runner(task));
        Assert.Equal("ran\n", Read("setup.count"));
    }
}
