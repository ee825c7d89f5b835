using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Tessera.Executor.Thermos;

/// <summary>
/// Runs one Thermos task in a sandbox: the only owner of its <see cref="TaskSnapshot"/>, one loop
/// that applies events (a run ended, a kill), asks <see cref="ProcessPlanner.Decide"/> what to do,
/// does it (start runs, signal process groups), checkpoints, and sleeps until the next event or
/// the plan's wake time.
/// </summary>
public sealed partial class TaskRunner
{
    private readonly Channel<RunnerEvent> _events = Channel.CreateUnbounded<RunnerEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<int> _groups = [];
    private readonly string _taskId;
    private readonly ThermosTask _task;
    private readonly string _sandbox;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly TaskCheckpoint _checkpoint;

    /// <summary>A runner for <paramref name="task"/> (Mesos task <paramref name="taskId"/>) in <paramref name="sandbox"/>.</summary>
    public TaskRunner(string taskId, ThermosTask task, string sandbox, TimeProvider time, ILogger log)
    {
        _taskId = taskId;
        _task = task;
        _sandbox = sandbox;
        _time = time;
        _log = log;
        _checkpoint = new TaskCheckpoint(sandbox);
    }

    /// <summary>Completes when the first run has started (the task is RUNNING).</summary>
    public Task FirstStarted => _firstStarted.Task;

    /// <summary>Tears the task down: CLEANING, FINALIZING, then KILLED.</summary>
    public void Kill() => _events.Writer.TryWrite(new KillRequested());

    /// <summary>Tears the task down as failed with <paramref name="message"/> (an unhealthy task): CLEANING, FINALIZING, then FAILED.</summary>
    public void Fail(string message) => _events.Writer.TryWrite(new FailRequested(message));

    /// <summary>Runs the task until it ends. Resumes from the sandbox's checkpoint when it is of this task.</summary>
    public async Task<TaskResult> RunAsync(CancellationToken ct)
    {
        var snapshot = await RecoverAsync(ct).ConfigureAwait(false);
        while (true)
        {
            var now = _time.GetUtcNow();
            var plan = ProcessPlanner.Decide(snapshot, now);
            var before = snapshot;
            foreach (var action in plan.Actions) snapshot = Do(snapshot, action, now, ct);
            if (!ReferenceEquals(before, snapshot)) await _checkpoint.SaveAsync(_taskId, snapshot, ct).ConfigureAwait(false);

            if (snapshot.Phase == TaskPhase.Ended)
            {
                foreach (var group in _groups) Signals.KillGroup(group, Signals.SIGKILL);
                LogEnded(snapshot.Outcome, snapshot.Message);
                return new TaskResult(snapshot.Outcome ?? TaskOutcome.Succeeded, snapshot.Message ?? "", snapshot);
            }

            if (plan.Actions.Any(a => a is BeginTeardown or BeginFinalizing)) continue;

            await WaitAsync(plan.WakeAt, now, ct).ConfigureAwait(false);
            var changed = snapshot;
            while (_events.Reader.TryRead(out var evt)) changed = Apply(changed, evt);
            if (!ReferenceEquals(changed, snapshot))
            {
                snapshot = changed;
                await _checkpoint.SaveAsync(_taskId, snapshot, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<TaskSnapshot> RecoverAsync(CancellationToken ct)
    {
        var snapshot = await _checkpoint.LoadAsync(_taskId, _task, ct).ConfigureAwait(false);
        if (snapshot is null) return TaskSnapshot.Initial(_task);
        var now = _time.GetUtcNow();
        foreach (var record in snapshot.Processes.Values.Where(r => r.IsRunning))
        {
            // A run of the previous executor: not our child, so it can't be waited for. Stop what is
            // left of its group and run the process again (Thermos' LOST: not a failure).
            if (record.Pid is { } pid) Signals.KillGroup(pid, Signals.SIGKILL);
            snapshot = snapshot.Lost(record.Name, now);
            LogLost(record.Name, record.Pid);
        }

        LogRecovered(snapshot.Phase, snapshot.Processes.Values.Count(r => r.Status == ProcessStatus.Succeeded));
        return snapshot;
    }

    private TaskSnapshot Do(TaskSnapshot s, PlanAction action, DateTimeOffset now, CancellationToken ct)
    {
        switch (action)
        {
            case StartProcess start:
                return StartRun(s, _task.Process(start.Name), now, ct);
            case TerminateProcess term:
                if (s[term.Name].Pid is { } tp) Signals.KillGroup(tp, Signals.SIGTERM);
                LogSignal(term.Name, "SIGTERM");
                return s.Terminated(term.Name, now);
            case KillProcess kill:
                if (s[kill.Name].Pid is { } kp) Signals.KillGroup(kp, Signals.SIGKILL);
                LogSignal(kill.Name, "SIGKILL");
                return s.Killed(kill.Name);
            default:
                LogPhase(action.ToString());
                return s.Apply(action, now);
        }
    }

    private TaskSnapshot StartRun(TaskSnapshot s, ThermosProcess process, DateTimeOffset now, CancellationToken ct)
    {
        var run = s[process.Name].Runs;
        ProcessLauncher.Run started;
        try
        {
            started = ProcessLauncher.Start(_sandbox, process, run, ct);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            LogStartFailed(process.Name, ex.Message);
            return s.Started(process.Name, 0, now).Exited(process.Name, 127, now);
        }

        _groups.Add(started.Pid);
        LogStarted(process.Name, run, started.Pid);
        _ = ReportExitAsync(process.Name, started);
        _firstStarted.TrySetResult();
        return s.Started(process.Name, started.Pid, now);
    }

    private async Task ReportExitAsync(string name, ProcessLauncher.Run run)
    {
        int code;
        try
        {
            code = await run.Exit.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        LogExited(name, run.Pid, code);
        _events.Writer.TryWrite(new RunExited(name, run.Pid, code));
    }

    private TaskSnapshot Apply(TaskSnapshot s, RunnerEvent evt)
    {
        var now = _time.GetUtcNow();
        return evt switch
        {
            RunExited exit when s[exit.Name].Pid == exit.Pid && s[exit.Name].IsRunning => s.Exited(exit.Name, exit.ExitCode, now),
            KillRequested => s.KillRequest(),
            FailRequested fail => s.FailRequest(fail.Message),
            _ => s,
        };
    }

    private async Task WaitAsync(DateTimeOffset? wakeAt, DateTimeOffset now, CancellationToken ct)
    {
        if (wakeAt is null)
        {
            await _events.Reader.WaitToReadAsync(ct).ConfigureAwait(false);
            return;
        }

        var delay = wakeAt.Value - now;
        if (delay <= TimeSpan.Zero) return;
        using var timer = new CancellationTokenSource(delay, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _events.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The wake time came.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "process {Name} run {Run} started, pid {Pid}")]
    private partial void LogStarted(string name, int run, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "process {Name} could not start: {Error}")]
    private partial void LogStartFailed(string name, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "process {Name} (pid {Pid}) exited with status {Code}")]
    private partial void LogExited(string name, int pid, int code);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Signal} to process {Name}")]
    private partial void LogSignal(string name, string signal);

    [LoggerMessage(Level = LogLevel.Information, Message = "task: {Change}")]
    private partial void LogPhase(string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "task ended {Outcome}: {Message}")]
    private partial void LogEnded(TaskOutcome? outcome, string? message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "process {Name} was running (pid {Pid}) when the executor went away: killed its group, it runs again")]
    private partial void LogLost(string name, int? pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "recovered the task from its checkpoint: phase {Phase}, {Succeeded} process(es) already succeeded")]
    private partial void LogRecovered(TaskPhase phase, int succeeded);
}
