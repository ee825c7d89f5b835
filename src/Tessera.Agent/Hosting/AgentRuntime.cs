using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tessera.Agent.Containerizer;
using Tessera.Agent.StatusUpdates;
using Tessera.Agent.Tasks;
using Tessera.Core.AgentLink;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Agent;

/// <summary>
/// The agent's state and its one owner: a loop over a bounded channel of actions. The master
/// session and process exits post actions; nothing else touches the tasks or the update queues.
/// </summary>
internal sealed partial class AgentRuntime
{
    private readonly Channel<Action<AgentRuntime>> _inbox = Channel.CreateBounded<Action<AgentRuntime>>(new BoundedChannelOptions(16_384) { SingleReader = true });
    private readonly Random _random;
    private readonly ILogger _log;

    public AgentRuntime(Hosting.AgentOptions options, ResourceSet total, IContainerizer containerizer, TimeProvider clock, Random random, ILogger log)
    {
        Containerizer = containerizer;
        TaskCheckpoints = new Checkpoint.TaskCheckpointStore(options.WorkDir);
        Options = options;
        Total = total;
        Clock = clock;
        _random = random;
        _log = log;
        Updates = new StatusUpdateManager(options.StatusRetryInitial, options.StatusRetryMax);
        Runner = new TaskRunner(this);
        Counters = new Hosting.AgentCounters(clock.GetUtcNow());
        Executors = new Executors.ExecutorManager(this, log);
        Health = new Health.HealthMonitor(this, Agent.Health.NamespaceCheckCommandRunner.For(containerizer), log);
        Fetcher = Agent.Fetcher.UriFetcher.Create(clock);
    }

    public Hosting.AgentOptions Options { get; }
    public IContainerizer Containerizer { get; }
    public Checkpoint.TaskCheckpointStore TaskCheckpoints { get; }
    public ResourceSet Total { get; set; }
    public TimeProvider Clock { get; }
    public string? AgentId { get; set; }

    /// <summary>The agent's own HTTP address (executors and the files API are reached there).</summary>
    public Uri? Endpoint { get; set; }
    public Dictionary<(string Framework, string Task), AgentTask> Tasks { get; } = [];
    public StatusUpdateManager Updates { get; }
    public TaskRunner Runner { get; }
    public Health.HealthMonitor Health { get; }
    public Fetcher.UriFetcher Fetcher { get; }

    /// <summary>Nested container sessions (LAUNCH_NESTED_CONTAINER_SESSION, WAIT_NESTED_CONTAINER).</summary>
    public Nested.NestedSessions Nested { get; } = new();

    /// <summary>Sandboxes (and stale container records) scheduled for removal; deleted by <see cref="Gc.SandboxGcLoop"/>.</summary>
    public Gc.SandboxGc Gc { get; } = new();

    /// <summary>Terminal tasks by state since the agent started (for <c>/metrics</c>).</summary>
    public Hosting.AgentCounters Counters { get; }

    /// <summary>The agent as it registers (hostname, port, resources, attributes; the id is added from <see cref="AgentId"/>).</summary>
    public Func<AgentInfo>? Describe { get; set; }

    /// <summary>Custom executors (Executor API) and the agent-supervised default executor.</summary>
    public Executors.ExecutorManager Executors { get; }

    /// <summary>Bumped on every change; the session sends pending updates when it moves.</summary>
    public long Version { get; private set; }

    public void Changed() => Version++;

    public void Post(Action<AgentRuntime> action) => _inbox.Writer.TryWrite(action);

    public async Task<T> AskAsync<T>(Func<AgentRuntime, T> func, CancellationToken ct = default)
    {
        var reply = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _inbox.Writer.WriteAsync(rt =>
        {
            try { reply.TrySetResult(func(rt)); }
            catch (Exception e) { reply.TrySetException(e); }
        }, ct);
        return await reply.Task.WaitAsync(ct);
    }

    public byte[] NewUuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return bytes;
    }

    public string NewRunId() => new Guid(NewUuid()).ToString();

    public void Complete() => _inbox.Writer.TryComplete();

    public async Task RunAsync()
    {
        await foreach (var action in _inbox.Reader.ReadAllAsync())
        {
            try
            {
                action(this);
            }
            catch (Exception e)
            {
                LogActionFailed(_log, e);
            }
        }
    }

    /// <summary>One command from the master's stream.</summary>
    public void Handle(AgentCommand command)
    {
        switch (command.Type)
        {
            case AgentCommandType.RUN_TASK when command.RunTask is { Task.Executor: not null } run: Executors.Run(run); break;
            case AgentCommandType.RUN_TASK when command.RunTask is { } run: Runner.Run(run); break;
            case AgentCommandType.RUN_TASK_GROUP when command.RunTaskGroup is { } group: Executors.RunGroup(group); break;
            case AgentCommandType.KILL_TASK when command.KillTask is { } kill:
                if (!Executors.Kill(kill.FrameworkId.Value, kill.TaskId.Value, kill.KillPolicy)) Runner.Kill(kill.FrameworkId.Value, kill.TaskId.Value, kill.KillPolicy);
                break;
            case AgentCommandType.SHUTDOWN_EXECUTOR when command.ShutdownExecutor is { } shutdown:
                // Command tasks are their own executors: the executor id is the task id.
                if (!Executors.Shutdown(shutdown.FrameworkId.Value, shutdown.ExecutorId.Value)) Runner.Kill(shutdown.FrameworkId.Value, shutdown.ExecutorId.Value, null);
                break;
            case AgentCommandType.SHUTDOWN_FRAMEWORK when command.ShutdownFramework is { } framework:
                Runner.KillFramework(framework.FrameworkId.Value);
                Executors.ShutdownFramework(framework.FrameworkId.Value);
                break;
            case AgentCommandType.ACKNOWLEDGE_UPDATE when command.AcknowledgeUpdate is { } ack: Acknowledged(ack); Executors.Acknowledged(ack); break;
            case AgentCommandType.FRAMEWORK_MESSAGE when command.FrameworkMessage is { } message: Executors.FrameworkMessage(message); break;
            case AgentCommandType.UPDATE_FRAMEWORK when command.UpdateFramework is { } update: UpdateFramework(update.FrameworkInfo); Executors.UpdateFramework(update.FrameworkInfo); break;
            case AgentCommandType.APPLY_RESOURCES when command.ApplyResources is { } apply: Total = ResourceWireForm.FromWire(apply.Total); break;
            default: LogIgnored(_log, command.Type.ToString()); break;
        }
    }

    /// <summary>The tasks to report when (re-)registering.</summary>
    public AgentRegistration Registration(AgentInfo info) => new()
    {
        AgentInfo = info,
        Tasks = [.. Tasks.Values.Where(t => !t.IsTerminal || Updates.HasPending(t.FrameworkId, t.TaskId)).Select(ToWire), .. Executors.ReportedTasks()],
        Executors = [.. Executors.ReportedExecutors()],
        Frameworks = [.. Tasks.Values.Select(t => t.Framework).Concat(Executors.ReportedFrameworks()).DistinctBy(f => f.Id!.Value)],
    };

    private void Acknowledged(AcknowledgeUpdate ack)
    {
        var now = Clock.GetUtcNow();
        if (!Updates.Acknowledge(ack.FrameworkId.Value, ack.TaskId.Value, ack.Uuid, now)) return;
        var key = (ack.FrameworkId.Value, ack.TaskId.Value);
        if (!Tasks.TryGetValue(key, out var task)) return;
        // A finished task whose last update was acknowledged is done with.
        if (task.IsTerminal && !Updates.HasPending(key.Item1, key.Item2))
        {
            Tasks.Remove(key);
            if (task.Framework.Checkpoint == true) TaskCheckpoints.Remove(key.Item1, key.Item2);
            Gc.Schedule(task.Sandbox, now);
        }
        else
        {
            Checkpoint(task);
        }
        Changed();
    }

    /// <summary>
    /// Writes the task's checkpoint (checkpointing frameworks only, as in Mesos). Called on the loop
    /// right after every change, so an update is on disk before the sender can pick it up.
    /// </summary>
    public void Checkpoint(AgentTask task)
    {
        if (task.Framework.Checkpoint != true) return;
        TaskCheckpoints.Save(new AgentTaskCheckpoint
        {
            FrameworkInfo = task.Framework,
            Task = task.Info,
            Sandbox = task.Sandbox,
            State = task.State,
            KillRequested = task.KillRequested ? true : null,
            Latest = task.Latest,
            PendingUpdates = Updates.PendingFor(task.FrameworkId, task.TaskId),
            Container = task.Container?.Record,
        });
    }

    private void UpdateFramework(FrameworkInfo info)
    {
        foreach (var task in Tasks.Values.Where(t => t.FrameworkId == info.Id?.Value))
            task.Framework = info;
    }

    public static MesosTask ToWire(AgentTask t) => new()
    {
        Name = t.Info.Name,
        TaskId = t.Info.TaskId,
        FrameworkId = t.Framework.Id!,
        ExecutorId = ExecutorID.Of(t.TaskId),
        AgentId = t.Info.AgentId,
        State = t.State,
        Resources = t.Info.Resources,
        Statuses = t.Latest is { } latest ? [latest] : null,
        Labels = t.Info.Labels,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "agent loop: an action failed")]
    private static partial void LogActionFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "agent: ignoring command {Type}")]
    private static partial void LogIgnored(ILogger logger, string type);
}
