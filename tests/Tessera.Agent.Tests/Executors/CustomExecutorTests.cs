using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;

namespace Tessera.Agent.Tests.Executors;

/// <summary>
/// A custom executor written for Mesos (a python script speaking the v1 Executor API) launched
/// through the master's Scheduler API on a real agent.
/// </summary>
public sealed class CustomExecutorTests
{
    private static string Python => $"exec python3 {ExecutorTestBed.Script}";

    [Fact]
    public async Task ExecutorRunsTheTaskToFinishedAndHearsTheAcknowledgement()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        var executor = ExecutorTestBed.Custom("py", Python);
        await bed.LaunchAsync(bed.Task("t1", executor, "finish"));
        var running = await bed.UntilAsync("t1", TaskState.TASK_RUNNING);
        Assert.Equal(TaskStatusSource.SOURCE_EXECUTOR, running.Source);
        Assert.Equal("py", running.ExecutorId?.Value);
        var finished = await bed.UntilAsync("t1", TaskState.TASK_FINISHED);
        Assert.Equal(TaskStatusSource.SOURCE_EXECUTOR, finished.Source);
        Assert.Equal("done by the test executor", finished.Message);
        // The executor answers ACKNOWLEDGED of its terminal update with a message.
        var acked = await bed.MessageAsync("acked:t1");
        Assert.Equal("py", acked.ExecutorId.Value);
        Assert.Equal(bed.AgentId, acked.AgentId.Value);
    }

    [Fact]
    public async Task ExecutorGetsItsEnvironmentAndSandbox()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        var executor = ExecutorTestBed.Custom("env", $"env > env.txt; {Python}");
        await bed.LaunchAsync(bed.Task("t1", executor, "run"));
        await bed.UntilAsync("t1", TaskState.TASK_RUNNING);
        var sandbox = await bed.Fixture.Agent.Runtime.AskAsync(rt => rt.Executors.Find(bed.Scheduler.FrameworkId!, "env")!.Sandbox);
        Assert.Contains(Path.Combine("slaves", bed.AgentId, "frameworks", bed.Scheduler.FrameworkId!, "executors", "env", "runs"), sandbox);
        var env = (await File.ReadAllLinesAsync(Path.Combine(sandbox, "env.txt"))).Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        Assert.Equal(bed.Scheduler.FrameworkId, env["MESOS_FRAMEWORK_ID"]);
        Assert.Equal("env", env["MESOS_EXECUTOR_ID"]);
        Assert.Equal($"127.0.0.1:{bed.Fixture.Agent.Address.Port}", env["MESOS_AGENT_ENDPOINT"]);
        Assert.Equal(sandbox, env["MESOS_SANDBOX"]);
        Assert.Equal(sandbox, env["MESOS_DIRECTORY"]);
        Assert.Equal("0", env["MESOS_CHECKPOINT"]);
        Assert.Equal("0", env["MESOS_HTTP_COMMAND_EXECUTOR"]);
        Assert.Equal("15mins", env["MESOS_RECOVERY_TIMEOUT"]);
        Assert.Equal("2secs", env["MESOS_SUBSCRIPTION_BACKOFF_MAX"]);
        Assert.Equal("5secs", env["MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD"]);
    }

    [Fact]
    public async Task FrameworkMessageReachesTheExecutorAndItsAnswerReachesTheFramework()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        await bed.LaunchAsync(bed.Task("t1", ExecutorTestBed.Custom("py", Python), "run"));
        await bed.UntilAsync("t1", TaskState.TASK_RUNNING);
        await bed.Scheduler.CallAsync(new SchedulerCall
        {
            Type = SchedulerCallType.MESSAGE,
            Message = new MessageCall { AgentId = AgentID.Of(bed.AgentId), ExecutorId = ExecutorID.Of("py"), Data = ByteString.FromUtf8("ping") },
        });
        var echo = await bed.MessageAsync("echo:ping");
        Assert.Equal("py", echo.ExecutorId.Value);
    }

    [Fact]
    public async Task KillReachesTheExecutor()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        await bed.LaunchAsync(bed.Task("t1", ExecutorTestBed.Custom("py", Python), "run"));
        await bed.UntilAsync("t1", TaskState.TASK_RUNNING);
        await bed.Scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.KILL, Kill = new KillCall { TaskId = TaskID.Of("t1") } });
        var killed = await bed.UntilAsync("t1", TaskState.TASK_KILLED);
        // Only the executor writes this: the KILL event reached it and it answered.
        Assert.Equal("killed by the test executor", killed.Message);
        Assert.Equal(TaskStatusSource.SOURCE_EXECUTOR, killed.Source);
    }

    [Fact]
    public async Task ShutdownEndsTheExecutorAndTheFrameworkHearsOfIt()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        await bed.LaunchAsync(bed.Task("t1", ExecutorTestBed.Custom("py", Python), "run"));
        await bed.UntilAsync("t1", TaskState.TASK_RUNNING);
        await bed.Scheduler.CallAsync(new SchedulerCall { Type = SchedulerCallType.SHUTDOWN, Shutdown = new ShutdownCall { ExecutorId = ExecutorID.Of("py"), AgentId = AgentID.Of(bed.AgentId) } });
        var killed = await bed.UntilAsync("t1", TaskState.TASK_KILLED);
        Assert.Equal("shut down", killed.Message);
        var failure = await bed.FailureAsync("py");
        Assert.Equal(0, failure.Status);
    }

    [Fact]
    public async Task ExecutorThatNeverSubscribesTimesOutAndItsTaskFails()
    {
        await using var bed = await ExecutorTestBed.StartAsync(o => o with { ExecutorRegistrationTimeout = TimeSpan.FromSeconds(1) });
        await bed.LaunchAsync(bed.Task("t1", ExecutorTestBed.Custom("lazy", "sleep 100"), "finish"));
        var failed = await bed.UntilAsync("t1", TaskState.TASK_FAILED);
        Assert.Equal(TaskStatusReason.REASON_EXECUTOR_REGISTRATION_TIMEOUT, failed.Reason);
        Assert.Equal(TaskStatusSource.SOURCE_AGENT, failed.Source);
        Assert.Equal("lazy", failed.ExecutorId?.Value);
        await bed.FailureAsync("lazy");
        Assert.Null(await bed.Fixture.Agent.Runtime.AskAsync(rt => rt.Executors.Find(bed.Scheduler.FrameworkId!, "lazy")));
    }

    [Fact]
    public async Task ExecutorCrashFailsItsRunningTasks()
    {
        await using var bed = await ExecutorTestBed.StartAsync();
        // The executor exits (status 3) once its TASK_RUNNING is acknowledged, leaving the task running.
        await bed.LaunchAsync(bed.Task("t1", ExecutorTestBed.Custom("py", Python), "crash"));
        await bed.UntilAsync("t1", TaskState.TASK_RUNNING);
        var failed = await bed.UntilAsync("t1", TaskState.TASK_FAILED);
        Assert.Equal(TaskStatusReason.REASON_EXECUTOR_TERMINATED, failed.Reason);
        Assert.Equal(TaskStatusSource.SOURCE_AGENT, failed.Source);
        Assert.Contains("exited with status 3", failed.Message);
        Assert.Equal(3, (await bed.FailureAsync("py")).Status);
    }
}
