using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tessera.Agent.Checkpoint;
using Tessera.Agent.Containerizer;
using Tessera.Agent.Tasks;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;
using Tessera.Core.Resources;

namespace Tessera.Agent.Executors;

/// <summary>
/// The executors of this agent and the v1 Executor API behind <c>/api/v1/executor</c>: launches
/// custom executors in containers, queues their tasks until they subscribe, relays KILL, MESSAGE,
/// SHUTDOWN and ACKNOWLEDGED to them, takes their updates into the status update manager, and
/// fails what they leave behind. DEFAULT executors are supervised by the agent itself
/// (<see cref="DefaultExecutor"/>). Owned by the agent loop; no locks.
/// </summary>
internal sealed partial class ExecutorManager
{
    private readonly AgentRuntime _rt;
    private readonly ILogger _log;
    private readonly Dictionary<(string Framework, string Executor), AgentExecutor> _executors = [];

    /// <summary>Terminal tasks of executors that have ended, kept until their last update is acknowledged.</summary>
    private readonly Dictionary<(string Framework, string Task), (AgentTask Task, AgentExecutor Executor)> _ended = [];

    private readonly Channel<ExecutorNotice> _notices = Channel.CreateBounded<ExecutorNotice>(new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropOldest });

    public ExecutorManager(AgentRuntime rt, ILogger log)
    {
        _rt = rt;
        _log = log;
        Default = new DefaultExecutor(rt, this);
        Checkpoints = new ExecutorCheckpointStore(rt.Options.WorkDir);
    }

    /// <summary>The executor runs of checkpointing frameworks, on disk (<see cref="Checkpoint"/>).</summary>
    public ExecutorCheckpointStore Checkpoints { get; }

    public DefaultExecutor Default { get; }

    /// <summary>Executor exits and executor messages for the master (sent by <see cref="ExecutorNoticeSender"/>).</summary>
    public ChannelReader<ExecutorNotice> Notices => _notices.Reader;

    public IReadOnlyCollection<AgentExecutor> All => _executors.Values;

    public AgentExecutor? Find(string frameworkId, string executorId) => _executors.GetValueOrDefault((frameworkId, executorId));

    // ---- commands from the master -------------------------------------------------------------

    /// <summary>RUN_TASK whose task names an executor.</summary>
    public void Run(RunTask run)
    {
        var info = run.Task.Executor! with { FrameworkId = run.FrameworkInfo.Id };
        if (info.Type == ExecutorType.DEFAULT)
        {
            Reject(run.FrameworkInfo, info, [run.Task], "the default executor runs task groups (LAUNCH_GROUP) only");
            return;
        }
        Accept(run.FrameworkInfo, info, new QueuedLaunch([run.Task], IsGroup: false));
    }

    /// <summary>RUN_TASK_GROUP: the DEFAULT executor is the agent's own; any other is a custom executor that gets LAUNCH_GROUP.</summary>
    public void RunGroup(RunTaskGroup group)
    {
        var info = group.Executor with { FrameworkId = group.FrameworkInfo.Id };
        var tasks = group.TaskGroup.Tasks ?? [];
        if (info.Type == ExecutorType.DEFAULT || (info.Type is null && info.Command is null))
            Default.RunGroup(group.FrameworkInfo, info with { Type = ExecutorType.DEFAULT }, tasks);
        else
            Accept(group.FrameworkInfo, info, new QueuedLaunch(tasks, IsGroup: true));
    }

    /// <summary>KILL_TASK for a task of an executor; false when no executor has the task (a command task).</summary>
    public bool Kill(string frameworkId, string taskId, KillPolicy? policy)
    {
        if (_ended.ContainsKey((frameworkId, taskId))) return true;
        var executor = _executors.Values.FirstOrDefault(e => e.FrameworkId == frameworkId && e.Tasks.ContainsKey(taskId));
        if (executor is null) return false;
        var task = executor.Tasks[taskId];
        if (task.IsTerminal) return true;
        if (executor.IsDefault)
        {
            Default.KillGroupOf(executor, taskId, policy);
            return true;
        }
        if (executor.Sent.Contains(taskId))
        {
            // Without a stream (recovering after an agent restart) the KILL goes out when it subscribes again.
            if (executor.Stream is { } stream) stream.Send(ExecutorEvents.Kill(task.Info.TaskId, policy ?? task.Info.KillPolicy));
            else executor.PendingKills[taskId] = policy ?? task.Info.KillPolicy;
            return true;
        }
        // Not launched yet: it never reaches the executor (a group goes as a whole, as Mesos does).
        var queued = executor.Queued.FirstOrDefault(q => q.Tasks.Any(t => t.TaskId.Value == taskId));
        if (queued is not null)
        {
            executor.Queued.Remove(queued);
            foreach (var info in queued.Tasks)
                if (executor.Tasks.TryGetValue(info.TaskId.Value, out var t) && !t.IsTerminal)
                    Update(executor, t, TaskState.TASK_KILLED, TaskStatusReason.REASON_TASK_KILLED_DURING_LAUNCH, "Killed before the executor subscribed", TaskStatusSource.SOURCE_AGENT);
        }
        // An executor left without tasks before it ever subscribed has nothing to do (Mesos shuts it down).
        if (executor.State == ExecutorState.Launching && !executor.Live.Any()) Shutdown(executor);
        Checkpoint(executor);
        return true;
    }

    /// <summary>SHUTDOWN_EXECUTOR; false when no such executor runs (a command task's "executor").</summary>
    public bool Shutdown(string frameworkId, string executorId)
    {
        if (Find(frameworkId, executorId) is not { } executor) return false;
        Shutdown(executor);
        return true;
    }

    /// <summary>SHUTDOWN_FRAMEWORK ("*": the agent stops): every executor of it shuts down; its tasks end without updates.</summary>
    public void ShutdownFramework(string frameworkId)
    {
        foreach (var executor in _executors.Values.Where(e => frameworkId == "*" || e.FrameworkId == frameworkId).ToList())
        {
            executor.FrameworkGone = true;
            Shutdown(executor);
        }
    }

    /// <summary>FRAMEWORK_MESSAGE: a MESSAGE event to a subscribed executor; dropped otherwise (messages are at most once).</summary>
    public void FrameworkMessage(FrameworkMessage message)
    {
        if (Find(message.FrameworkId.Value, message.ExecutorId.Value) is { Stream: { } stream, IsDefault: false })
            stream.Send(ExecutorEvents.Message(message.Data));
        else
            LogMessageDropped(_log, message.ExecutorId.Value, message.FrameworkId.Value);
    }

    /// <summary>The master relayed the framework's acknowledgement: ACKNOWLEDGED to the executor that sent the update; forget finished tasks.</summary>
    public void Acknowledged(AcknowledgeUpdate ack)
    {
        var frameworkId = ack.FrameworkId.Value;
        var taskId = ack.TaskId.Value;
        if (_ended.TryGetValue((frameworkId, taskId), out var ended))
        {
            if (!Pending(frameworkId, taskId))
            {
                _ended.Remove((frameworkId, taskId));
                // The executor's last task is done with: its run sandbox can go after gc_delay.
                var sandbox = ended.Executor.Sandbox;
                if (sandbox.Length > 0 && !_ended.Values.Any(x => x.Executor.Sandbox == sandbox))
                    _rt.Gc.Schedule(sandbox, _rt.Clock.GetUtcNow());
            }
            Checkpoint(ended.Executor);
            return;
        }
        var executor = _executors.Values.FirstOrDefault(e => e.FrameworkId == frameworkId && e.Tasks.ContainsKey(taskId));
        if (executor is null) return;
        if (executor.AwaitingAck.Remove((taskId, ack.Uuid)))
            executor.Stream?.Send(ExecutorEvents.Acknowledged(taskId, ack.Uuid));
        if (executor.Tasks[taskId].IsTerminal && !Pending(frameworkId, taskId)) executor.Tasks.Remove(taskId);
        Checkpoint(executor);
    }

    public void UpdateFramework(FrameworkInfo info)
    {
        foreach (var executor in _executors.Values.Where(e => e.FrameworkId == info.Id?.Value))
        {
            executor.Framework = info;
            foreach (var task in executor.Tasks.Values) task.Framework = info;
            Checkpoint(executor);
        }
    }

    // ---- the executor's calls -----------------------------------------------------------------

    /// <summary>SUBSCRIBE: the stream to answer with, or why not.</summary>
    public (ExecutorEventStream? Stream, ExecutorCallOutcome? Refusal) Subscribe(ExecutorCall call)
    {
        if (Known(call, out var executor) is { } unknown) return (null, unknown);
        if (executor!.State is ExecutorState.Terminating or ExecutorState.Terminated)
            return (null, ExecutorCallOutcome.Forbidden($"executor '{executor.ExecutorId}' is shutting down"));
        // After an agent restart an executor that had subscribed comes back as Mesos' executors reconnect.
        var resubscribing = executor.State == ExecutorState.Subscribed || (executor.State == ExecutorState.Recovering && executor.HasSubscribed);
        executor.Timer?.Dispose();
        executor.Timer = null;
        executor.Stream?.Close();
        var stream = new ExecutorEventStream();
        executor.Stream = stream;
        executor.State = ExecutorState.Subscribed;
        executor.HasSubscribed = true;
        stream.Send(ExecutorEvents.Subscribed(executor.Info, executor.Framework, AgentInfo(), executor.RunId));
        var subscribe = call.Subscribe!;
        // Updates the executor still waits on: take those this agent hasn't seen (it may have lost them).
        foreach (var update in subscribe.UnacknowledgedUpdates ?? [])
            if (ExecutorCallCheck.Problem(call with { Type = ExecutorCallType.UPDATE, Update = update }) is null)
                Take(executor, update.Status);
        if (resubscribing) DropUnreceived(executor, subscribe.UnacknowledgedTasks ?? []);
        foreach (var launch in executor.Queued)
        {
            stream.Send(ExecutorEvents.Launch(launch));
            foreach (var task in launch.Tasks) executor.Sent.Add(task.TaskId.Value);
        }
        executor.Queued.Clear();
        foreach (var (taskId, policy) in executor.PendingKills)
            if (executor.Tasks.TryGetValue(taskId, out var task) && !task.IsTerminal) stream.Send(ExecutorEvents.Kill(task.Info.TaskId, policy));
        executor.PendingKills.Clear();
        Checkpoint(executor);
        LogSubscribed(_log, executor.ExecutorId, executor.FrameworkId, resubscribing);
        return (stream, null);
    }

    /// <summary>The subscription's response ended (the executor went away or subscribed again).</summary>
    public void StreamClosed((string Framework, string Executor) key, ExecutorEventStream stream)
    {
        if (_executors.TryGetValue(key, out var executor) && executor.Stream == stream) executor.Stream = null;
    }

    public ExecutorCallOutcome Update(ExecutorCall call)
    {
        if (Subscribed(call, out var executor) is { } refused) return refused;
        Take(executor!, call.Update!.Status);
        return ExecutorCallOutcome.Accepted;
    }

    public ExecutorCallOutcome Message(ExecutorCall call)
    {
        if (Subscribed(call, out _) is { } refused) return refused;
        if (_rt.AgentId is { } agentId)
            _notices.Writer.TryWrite(new ExecutorNotice(Message: new AgentExecutorMessage
            {
                AgentId = AgentID.Of(agentId), FrameworkId = call.FrameworkId, ExecutorId = call.ExecutorId, Data = call.Message!.Data,
            }));
        return ExecutorCallOutcome.Accepted;
    }

    public ExecutorCallOutcome Heartbeat(ExecutorCall call) => Subscribed(call, out _) ?? ExecutorCallOutcome.Accepted;

    // ---- what the agent reports when it (re-)registers -----------------------------------------

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

    // ---- internals shared with the default executor -------------------------------------------

    internal AgentExecutor Add(FrameworkInfo framework, ExecutorInfo info)
    {
        var runId = _rt.NewRunId();
        var sandbox = ExecutorPaths.Sandbox(_rt.Options.WorkDir, _rt.AgentId, framework.Id!.Value, info.ExecutorId.Value, runId);
        var executor = new AgentExecutor(framework, info, runId, sandbox);
        _executors[executor.Key] = executor;
        return executor;
    }

    /// <summary>A status from the agent (not the executor) for one of an executor's tasks.</summary>
    internal void Update(AgentExecutor executor, AgentTask task, TaskState state, TaskStatusReason? reason, string? message, TaskStatusSource source)
    {
        var status = StatusUpdates.AgentStatus.Create(_rt, task.Info.TaskId, executor.Info.ExecutorId, state, reason, message, source);
        Record(executor, task, status);
    }

    /// <summary>The executor is gone (its container exited, or a DEFAULT executor ran out of tasks): fail what is left, tell the master.</summary>
    internal void Ended(AgentExecutor executor, int? status, string how)
    {
        if (executor.State == ExecutorState.Terminated) return;
        executor.State = ExecutorState.Terminated;
        executor.Timer?.Dispose();
        executor.Timer = null;
        executor.Stream?.Close();
        executor.Stream = null;
        foreach (var task in executor.Live.ToList())
        {
            if (executor.FrameworkGone) task.State = TaskState.TASK_KILLED;
            else Update(executor, task, TaskState.TASK_FAILED, executor.EndReason ?? TaskStatusReason.REASON_EXECUTOR_TERMINATED,
                executor.EndMessage ?? $"Executor {how}", TaskStatusSource.SOURCE_AGENT);
        }
        _executors.Remove(executor.Key);
        foreach (var task in executor.Tasks.Values.Where(t => Pending(t.FrameworkId, t.TaskId)))
            _ended[(task.FrameworkId, task.TaskId)] = (task, executor);
        Checkpoint(executor);
        // The end is checkpointed (or nobody needs it after a restart): the container's records can go.
        if (executor.Container is { } container) _rt.Containerizer.Forget(container.Id);
        if (!_ended.Values.Any(x => x.Executor.Sandbox == executor.Sandbox))
            _rt.Gc.Schedule(executor.Sandbox, _rt.Clock.GetUtcNow());
        LogEnded(_log, executor.ExecutorId, executor.FrameworkId, how);
        if (_rt.AgentId is { } agentId)
            _notices.Writer.TryWrite(new ExecutorNotice(Exited: new AgentExecutorExited
            {
                AgentId = AgentID.Of(agentId), FrameworkId = FrameworkID.Of(executor.FrameworkId), ExecutorId = executor.Info.ExecutorId, Status = status,
            }));
        _rt.Changed();
    }

    // ---- checkpoint and recovery ---------------------------------------------------------------

    /// <summary>
    /// Writes the executor run's checkpoint (checkpointing frameworks only, as in Mesos), or removes
    /// it once the executor has ended and its tasks' last updates are acknowledged. Called on the loop
    /// right after every change, so an update is on disk before the sender can pick it up.
    /// </summary>
    internal void Checkpoint(AgentExecutor executor)
    {
        if (executor.Framework.Checkpoint != true || executor.RunId.Length == 0) return;
        if (executor.State == ExecutorState.Terminated && !executor.Tasks.Values.Any(t => Pending(t.FrameworkId, t.TaskId)))
            Checkpoints.Remove(executor.FrameworkId, executor.ExecutorId, executor.RunId);
        else
            Checkpoints.Save(ExecutorRecord.Of(executor, this, _rt.Updates));
    }

    /// <summary>
    /// Recovery: an executor run the previous agent process checkpointed, rebuilt with its tasks and
    /// containers (their pending updates are queued again already). A custom executor that had
    /// subscribed must subscribe again within the recovery timeout; the DEFAULT executor's tasks are
    /// watched again; an ended executor keeps only its unacknowledged tasks.
    /// </summary>
    internal void Adopt(AgentExecutor executor)
    {
        // The executor's own updates still unacknowledged: ACKNOWLEDGED goes back to it for each.
        var pending = _rt.Updates.Unacknowledged.Where(u => u.FrameworkId.Value == executor.FrameworkId && u.Status.Uuid is not null).Select(u => u.Status.Uuid!).ToHashSet();
        foreach (var (uuid, taskId) in executor.Seen)
            if (pending.Contains(uuid)) executor.AwaitingAck.Add((taskId, uuid));
        LogRecovered(_log, executor.ExecutorId, executor.FrameworkId, executor.State);
        if (executor.State == ExecutorState.Terminated)
        {
            foreach (var task in executor.Tasks.Values.Where(t => Pending(t.FrameworkId, t.TaskId)))
                _ended[(task.FrameworkId, task.TaskId)] = (task, executor);
            Checkpoint(executor);
            return;
        }
        _executors[executor.Key] = executor;
        if (executor.IsDefault)
        {
            Default.Reattach(executor);
            return;
        }
        if (executor.Container is null)
        {
            executor.EndReason = TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED;
            executor.EndMessage = "The agent restarted before the executor's container started";
            Ended(executor, null, "never started");
            return;
        }
        if (executor.State == ExecutorState.Terminating) _ = executor.Container.KillAsync(TimeSpan.Zero);
        else executor.State = executor.HasSubscribed ? ExecutorState.Recovering : ExecutorState.Launching;
        Watch(executor);
    }

    // ---- custom executors ---------------------------------------------------------------------

    private void Accept(FrameworkInfo framework, ExecutorInfo info, QueuedLaunch launch)
    {
        var executor = Find(framework.Id!.Value, info.ExecutorId.Value);
        if (executor is { IsDefault: true })
        {
            Reject(framework, info, launch.Tasks, $"executor '{info.ExecutorId.Value}' is this framework's default executor, not a custom one");
            return;
        }
        if (executor is { State: ExecutorState.Terminating })
        {
            Reject(framework, info, launch.Tasks, $"executor '{info.ExecutorId.Value}' is shutting down");
            return;
        }
        var fresh = executor is null;
        executor ??= Add(framework, info);
        var tasks = launch.Tasks.Where(t => !executor.Tasks.ContainsKey(t.TaskId.Value)).ToList();
        if (tasks.Count == 0) return; // a repeated command after a reconnect
        foreach (var task in tasks) executor.Tasks[task.TaskId.Value] = new AgentTask(framework, task, executor.Sandbox);
        var queued = launch with { Tasks = tasks };
        if (executor.State == ExecutorState.Subscribed && executor.Stream is { } stream)
        {
            stream.Send(ExecutorEvents.Launch(queued));
            foreach (var task in tasks) executor.Sent.Add(task.TaskId.Value);
        }
        else
        {
            executor.Queued.Add(queued);
        }
        if (fresh) Start(executor);
        if (executor.State != ExecutorState.Terminated) Checkpoint(executor);
    }

    private void Start(AgentExecutor executor)
    {
        try
        {
            Directory.CreateDirectory(executor.Sandbox);
            executor.Container = _rt.Containerizer.Launch(Spec(executor));
        }
        catch (Exception e) when (e is ContainerLaunchException or IOException or UnauthorizedAccessException)
        {
            executor.EndReason = TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED;
            executor.EndMessage = $"Failed to launch executor '{executor.ExecutorId}': {e.Message}";
            Ended(executor, null, "failed to launch");
            return;
        }
        Watch(executor);
        LogLaunched(_log, executor.ExecutorId, executor.FrameworkId, executor.Sandbox);
    }

    /// <summary>The container's end back on the loop, and the timer for its (re-)subscription.</summary>
    private void Watch(AgentExecutor executor)
    {
        var key = executor.Key;
        var runId = executor.RunId;
        _ = executor.Container!.Exited.ContinueWith(t => _rt.Post(r => r.Executors.ContainerExited(key, runId, t.Result)), TaskScheduler.Default);
        if (executor.State == ExecutorState.Launching)
            executor.Timer = _rt.Clock.CreateTimer(_ => _rt.Post(r => r.Executors.RegistrationTimedOut(key, runId)), null, _rt.Options.ExecutorRegistrationTimeout, Timeout.InfiniteTimeSpan);
        else if (executor.State == ExecutorState.Recovering)
            executor.Timer = _rt.Clock.CreateTimer(_ => _rt.Post(r => r.Executors.RecoveryTimedOut(key, runId)), null, _rt.Options.RecoveryTimeout, Timeout.InfiniteTimeSpan);
    }

    private void ContainerExited((string Framework, string Executor) key, string runId, ContainerExit exit)
    {
        if (!_executors.TryGetValue(key, out var executor) || executor.RunId != runId) return;
        Ended(executor, exit.Status, TaskExitOutcome.Describe(exit));
    }

    private void RegistrationTimedOut((string Framework, string Executor) key, string runId)
    {
        if (!_executors.TryGetValue(key, out var executor) || executor.RunId != runId || executor.State != ExecutorState.Launching) return;
        executor.EndReason = TaskStatusReason.REASON_EXECUTOR_REGISTRATION_TIMEOUT;
        executor.EndMessage = $"Executor did not subscribe within {Core.Flags.DurationText.Format(_rt.Options.ExecutorRegistrationTimeout)}";
        LogRegistrationTimeout(_log, executor.ExecutorId, executor.FrameworkId);
        executor.State = ExecutorState.Terminating;
        Checkpoint(executor);
        _ = executor.Container?.KillAsync(TimeSpan.Zero);
    }

    /// <summary>A recovered executor that didn't subscribe again in time is killed; its tasks fail (Mesos: REASON_EXECUTOR_REREGISTRATION_TIMEOUT).</summary>
    private void RecoveryTimedOut((string Framework, string Executor) key, string runId)
    {
        if (!_executors.TryGetValue(key, out var executor) || executor.RunId != runId || executor.State != ExecutorState.Recovering) return;
        executor.EndReason = TaskStatusReason.REASON_EXECUTOR_REREGISTRATION_TIMEOUT;
        executor.EndMessage = $"Executor did not re-subscribe within {Core.Flags.DurationText.Format(_rt.Options.RecoveryTimeout)} after the agent restarted";
        LogRecoveryTimeout(_log, executor.ExecutorId, executor.FrameworkId);
        executor.State = ExecutorState.Terminating;
        Checkpoint(executor);
        _ = executor.Container?.KillAsync(TimeSpan.Zero);
    }

    private void Shutdown(AgentExecutor executor)
    {
        if (executor.State is ExecutorState.Terminating or ExecutorState.Terminated) return;
        if (executor.IsDefault)
        {
            Default.Shutdown(executor);
            return;
        }
        var wasSubscribed = executor.State == ExecutorState.Subscribed && executor.Stream is not null;
        executor.State = ExecutorState.Terminating;
        executor.Timer?.Dispose();
        executor.Timer = null;
        Checkpoint(executor);
        if (executor.Container is not { } container) return;
        if (!wasSubscribed)
        {
            _ = container.KillAsync(TimeSpan.Zero);
            return;
        }
        executor.Stream!.Send(ExecutorEvents.Shutdown());
        // The executor has the grace period to end its tasks and exit; then its container is destroyed.
        var grace = executor.Info.ShutdownGracePeriod?.ToTimeSpan() ?? _rt.Options.ExecutorShutdownGracePeriod;
        _ = container.Exited.WaitAsync(grace, _rt.Clock).ContinueWith(t =>
        {
            if (!t.IsCompletedSuccessfully) _ = container.KillAsync(TimeSpan.Zero);
        }, TaskScheduler.Default);
    }

    /// <summary>Tasks this agent sent on an earlier subscription that the executor says it never got: Mesos drops them.</summary>
    private void DropUnreceived(AgentExecutor executor, IReadOnlyList<TaskInfo> unacknowledged)
    {
        var known = unacknowledged.Select(t => t.TaskId.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var task in executor.Live.Where(t => t.State == TaskState.TASK_STAGING && executor.Sent.Contains(t.TaskId) && !known.Contains(t.TaskId)).ToList())
        {
            var state = task.Framework.HasCapability(FrameworkCapabilityType.PARTITION_AWARE) ? TaskState.TASK_DROPPED : TaskState.TASK_LOST;
            Update(executor, task, state, null, "The executor re-subscribed without this task: its LAUNCH was lost", TaskStatusSource.SOURCE_AGENT);
        }
    }

    /// <summary>An update from the executor: stamped as Mesos' agent does, then delivered reliably.</summary>
    private void Take(AgentExecutor executor, MesosTaskStatus status)
    {
        if (!executor.Seen.TryAdd(status.Uuid!, status.TaskId.Value)) return;
        var stamped = status with
        {
            Source = TaskStatusSource.SOURCE_EXECUTOR,
            AgentId = _rt.AgentId is { } id ? AgentID.Of(id) : status.AgentId,
            ExecutorId = executor.Info.ExecutorId,
            Timestamp = status.Timestamp ?? Now(),
        };
        if (executor.Tasks.TryGetValue(status.TaskId.Value, out var task))
        {
            // Mesos' status update stream refuses anything after a terminal update.
            if (task.IsTerminal) return;
            executor.AwaitingAck.Add((task.TaskId, status.Uuid!));
            Record(executor, task, stamped);
            return;
        }
        // A task the agent doesn't know (Mesos forwards these too; the master decides).
        executor.AwaitingAck.Add((status.TaskId.Value, status.Uuid!));
        Enqueue(executor.FrameworkId, stamped);
    }

    private void Record(AgentExecutor executor, AgentTask task, MesosTaskStatus status)
    {
        task.State = status.State;
        task.Latest = status;
        Enqueue(executor.FrameworkId, status);
        // On disk before the loop hands the update to the sender.
        Checkpoint(executor);
    }

    private void Enqueue(string frameworkId, MesosTaskStatus status)
    {
        _rt.Updates.Enqueue(new AgentStatusUpdate { AgentId = AgentID.Of(_rt.AgentId ?? ""), FrameworkId = FrameworkID.Of(frameworkId), Status = status }, _rt.Clock.GetUtcNow());
        _rt.Changed();
    }

    private void Reject(FrameworkInfo framework, ExecutorInfo info, IReadOnlyList<TaskInfo> tasks, string why)
    {
        var orphan = new AgentExecutor(framework, info, "", "");
        foreach (var task in tasks)
        {
            var t = new AgentTask(framework, task, "");
            Update(orphan, t, TaskState.TASK_FAILED, TaskStatusReason.REASON_CONTAINER_LAUNCH_FAILED, why, TaskStatusSource.SOURCE_AGENT);
            _ended[(t.FrameworkId, t.TaskId)] = (t, orphan);
        }
    }

    private ExecutorCallOutcome? Known(ExecutorCall call, out AgentExecutor? executor)
    {
        executor = Find(call.FrameworkId.Value, call.ExecutorId.Value);
        if (executor is null || executor.IsDefault)
            return ExecutorCallOutcome.NotFound($"executor '{call.ExecutorId.Value}' of framework '{call.FrameworkId.Value}' is not running on this agent");
        return null;
    }

    private ExecutorCallOutcome? Subscribed(ExecutorCall call, out AgentExecutor? executor)
    {
        if (Known(call, out executor) is { } unknown) return unknown;
        // After SHUTDOWN an executor still reports how its tasks ended.
        return executor!.HasSubscribed && executor.State is ExecutorState.Subscribed or ExecutorState.Terminating
            ? null
            : ExecutorCallOutcome.Forbidden($"executor '{call.ExecutorId.Value}' has not subscribed");
    }

    internal bool Pending(string frameworkId, string taskId) =>
        _rt.Updates.Unacknowledged.Any(u => u.FrameworkId.Value == frameworkId && u.Status.TaskId.Value == taskId);

    private double Now() => (_rt.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds;

    private AgentInfo AgentInfo() => new()
    {
        Id = _rt.AgentId is { } id ? AgentID.Of(id) : null,
        Hostname = _rt.Options.Hostname ?? System.Net.Dns.GetHostName(),
        Port = _rt.Endpoint?.Port,
        Resources = ResourceWireForm.ToWire(_rt.Total),
    };

    private ContainerSpec Spec(AgentExecutor executor)
    {
        var grace = executor.Info.ShutdownGracePeriod?.ToTimeSpan() ?? _rt.Options.ExecutorShutdownGracePeriod;
        var all = executor.Tasks.Values.SelectMany(t => t.Info.Resources ?? []).Concat(executor.Info.Resources ?? []).ToList();
        return new ContainerSpec
        {
            ContainerId = executor.RunId,
            Command = executor.Info.Command!,
            Sandbox = executor.Sandbox,
            Environment = ExecutorEnvironment.For(executor, _rt.AgentId, ExecutorEnvironment.Endpoint(_rt.Endpoint), grace, _rt.Options.RecoveryTimeout),
            User = executor.Info.Command!.User ?? executor.Framework.User,
            Cpus = Scalar(all, "cpus"),
            MemMb = Scalar(all, "mem"),
            Hostname = _rt.Options.Hostname,
        };
    }

    internal static double Scalar(IEnumerable<Core.Protocol.Resource> resources, string name) =>
        resources.Where(r => r.Name == name && r.Scalar is not null).Sum(r => r.Scalar!.Value);

    private static MesosTask Wire(AgentTask t, ExecutorID executor) => new()
    {
        Name = t.Info.Name,
        TaskId = t.Info.TaskId,
        FrameworkId = t.Framework.Id!,
        ExecutorId = executor,
        AgentId = t.Info.AgentId,
        State = t.State,
        Resources = t.Info.Resources,
        Statuses = t.Latest is { } latest ? [latest] : null,
        Labels = t.Info.Labels,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "executor {ExecutorId} of framework {FrameworkId} launched in {Sandbox}")]
    private static partial void LogLaunched(ILogger logger, string executorId, string frameworkId, string sandbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "executor {ExecutorId} of framework {FrameworkId} subscribed (again: {Again})")]
    private static partial void LogSubscribed(ILogger logger, string executorId, string frameworkId, bool again);

    [LoggerMessage(Level = LogLevel.Information, Message = "executor {ExecutorId} of framework {FrameworkId} ended: {How}")]
    private static partial void LogEnded(ILogger logger, string executorId, string frameworkId, string how);

    [LoggerMessage(Level = LogLevel.Warning, Message = "executor {ExecutorId} of framework {FrameworkId} did not subscribe in time; killing it")]
    private static partial void LogRegistrationTimeout(ILogger logger, string executorId, string frameworkId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "executor {ExecutorId} of framework {FrameworkId} did not subscribe again after the agent restarted; killing it")]
    private static partial void LogRecoveryTimeout(ILogger logger, string executorId, string frameworkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "executor {ExecutorId} of framework {FrameworkId} recovered ({State})")]
    private static partial void LogRecovered(ILogger logger, string executorId, string frameworkId, ExecutorState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "dropping a framework message for executor {ExecutorId} of framework {FrameworkId}: not subscribed")]
    private static partial void LogMessageDropped(ILogger logger, string executorId, string frameworkId);
}
