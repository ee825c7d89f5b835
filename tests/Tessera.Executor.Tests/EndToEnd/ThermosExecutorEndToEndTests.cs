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
}
