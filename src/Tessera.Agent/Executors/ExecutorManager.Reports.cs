using Microsoft.Extensions.Logging;
using Tessera.Agent.Checkpoint;
using Tessera.Agent.Containerizer;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Agent.Executors;

/// <summary>What the agent reports about its executors when it (re-)registers, and stopping them all.</summary>
internal sealed partial class ExecutorManager
{
    public IEnumerable<MesosTask> ReportedTasks() =>
        _executors.Values.SelectMany(e => e.Tasks.Values.Where(t => !t.IsTerminal || Pending(t.FrameworkId, t.TaskId)).Select(t => Wire(t, e.Info.ExecutorId)))
            .Concat(_ended.Values.Select(x => Wire(x.Task, x.Executor.Info.ExecutorId)));

    public IEnumerable<ExecutorInfo> ReportedExecutors() =>
        _executors.Values.Where(e => e.State != ExecutorState.Terminated).Select(e => e.Info);

    public IEnumerable<FrameworkInfo> ReportedFrameworks() =>
        _executors.Values.Select(e => e.Framework).Concat(_ended.Values.Select(x => x.Task.Framework));

    /// <summary>
    /// The agent stops: executors shut down, except, when <paramref name="killCheckpointed"/> is
    /// false, those of checkpointing frameworks, which keep running (their streams end; they
    /// subscribe again to the next agent run). Returns the containers' exits to wait for and how
    /// many tasks were left running.
    /// </summary>
    public (List<Task> Exits, int Kept) StopAll(bool killCheckpointed = true)
    {
        // Only what a restarted agent can re-attach to is left running (the plain containerizer can't).
        static bool Recoverable(AgentExecutor e) =>
            e.IsDefault ? e.Live.All(t => t.Container is null || t.Container.Record is not null) : e.Container is null || e.Container.Record is not null;
        var kept = killCheckpointed ? [] : _executors.Values.Where(e => e.Framework.Checkpoint == true && e.State != ExecutorState.Terminated && Recoverable(e)).ToList();
        foreach (var executor in kept)
        {
            executor.Timer?.Dispose();
            executor.Timer = null;
            executor.Stream?.Close();
            executor.Stream = null;
        }
        var stopped = _executors.Values.Except(kept).ToList();
        foreach (var executor in stopped)
        {
            executor.FrameworkGone = true;
            Shutdown(executor);
        }
        return ([.. stopped.SelectMany(e => e.Tasks.Values.Select(t => t.Container).Append(e.Container)).OfType<IContainer>().Select(c => (Task)c.Exited)],
            kept.Sum(e => e.Live.Count()));
    }
}
