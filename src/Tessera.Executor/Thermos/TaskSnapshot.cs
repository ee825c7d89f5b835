using System.Collections.Immutable;

namespace Tessera.Executor.Thermos;

/// <summary>
/// The state of a Thermos task: its phase and every process's record. Immutable; each method
/// returns the state after one event, so the runner's loop and the tests share the same rules.
/// </summary>
public sealed record TaskSnapshot
{
    /// <summary>The task.</summary>
    public required ThermosTask Task { get; init; }

    /// <summary>The phase.</summary>
    public TaskPhase Phase { get; init; } = TaskPhase.Active;

    /// <summary>Each process's record, by name.</summary>
    public required ImmutableDictionary<string, ProcessRecord> Processes { get; init; }

    /// <summary>When CLEANING began (the finalization_wait deadline counts from here).</summary>
    public DateTimeOffset? TeardownStartedAt { get; init; }

    /// <summary>How the task ends, decided when teardown begins.</summary>
    public TaskOutcome? Outcome { get; init; }

    /// <summary>Why it ends that way.</summary>
    public string? Message { get; init; }

    /// <summary>A KILL or SHUTDOWN came.</summary>
    public bool KillRequested { get; init; }

    /// <summary>Why the task is to fail (an unhealthy task), if it is; not checkpointed: ACTIVE acts on it at once.</summary>
    public string? FailRequested { get; init; }

    /// <summary>A fresh task: every process waiting.</summary>
    public static TaskSnapshot Initial(ThermosTask task) => new()
    {
        Task = task,
        Processes = task.Processes.ToImmutableDictionary(p => p.Name, p => new ProcessRecord { Name = p.Name }, StringComparer.Ordinal),
    };

    /// <summary>The deadline of teardown: CLEANING start + finalization_wait.</summary>
    public DateTimeOffset? Deadline => TeardownStartedAt + Task.FinalizationWait;

    /// <summary>The record of <paramref name="name"/>.</summary>
    public ProcessRecord this[string name] => Processes[name];

    /// <summary>A run of <paramref name="name"/> started as process group <paramref name="pid"/>.</summary>
    public TaskSnapshot Started(string name, int pid, DateTimeOffset now) => With(this[name] with
    {
        Status = ProcessStatus.Running,
        Runs = this[name].Runs + 1,
        LastStartedAt = now,
        Pid = pid,
        TerminatedAt = null,
        KillSent = false,
    });

    /// <summary>The run of <paramref name="name"/> ended with <paramref name="exitCode"/>.</summary>
    public TaskSnapshot Exited(string name, int exitCode, DateTimeOffset now)
    {
        var record = this[name];
        var spec = Task.Process(name);
        var ended = record with { Pid = null, LastEndedAt = now, LastExitCode = exitCode, TerminatedAt = null, KillSent = false };
        if (record.TerminatedAt is not null || record.KillSent) return With(ended with { Status = ProcessStatus.Killed });
        if (exitCode == 0)
        {
            var again = spec.Daemon && Phase == TaskPhase.Active && !KillRequested;
            return With(ended with { Status = again ? ProcessStatus.Waiting : ProcessStatus.Succeeded });
        }

        var failures = record.Failures + 1;
        var done = spec.MaxFailures > 0 && failures >= spec.MaxFailures;
        return With(ended with { Failures = failures, Status = done ? ProcessStatus.Failed : ProcessStatus.Waiting });
    }

    /// <summary>A run that was in progress when the executor went away is gone (Thermos' LOST: not a failure, the process waits to run again).</summary>
    public TaskSnapshot Lost(string name, DateTimeOffset now) =>
        With(this[name] with { Status = ProcessStatus.Waiting, Pid = null, LastEndedAt = now, TerminatedAt = null, KillSent = false });

    /// <summary>SIGTERM went to <paramref name="name"/>.</summary>
    public TaskSnapshot Terminated(string name, DateTimeOffset now) => With(this[name] with { TerminatedAt = now });

    /// <summary>SIGKILL went to <paramref name="name"/>.</summary>
    public TaskSnapshot Killed(string name) => With(this[name] with { KillSent = true });

    /// <summary>A KILL or SHUTDOWN came.</summary>
    public TaskSnapshot KillRequest() => this with { KillRequested = true };

    /// <summary>The task is to fail with <paramref name="message"/> (unhealthy); the first reason stays.</summary>
    public TaskSnapshot FailRequest(string message) => this with { FailRequested = FailRequested ?? message };

    /// <summary>Applies a phase change of a plan.</summary>
    public TaskSnapshot Apply(PlanAction action, DateTimeOffset now) => action switch
    {
        BeginTeardown t => this with { Phase = TaskPhase.Cleaning, TeardownStartedAt = now, Outcome = t.Outcome, Message = t.Message },
        BeginFinalizing => this with { Phase = TaskPhase.Finalizing },
        EndTask e => this with { Phase = TaskPhase.Ended, Outcome = e.Outcome, Message = e.Message },
        _ => this,
    };

    private TaskSnapshot With(ProcessRecord record) => this with { Processes = Processes.SetItem(record.Name, record) };
}
