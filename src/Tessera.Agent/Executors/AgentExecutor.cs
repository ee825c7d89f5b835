using Tessera.Agent.Containerizer;
using Tessera.Agent.Tasks;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Executors;

/// <summary>
/// One run of a framework's executor on this agent: its info, sandbox and container, its event
/// stream while subscribed, the launches queued until it subscribes, and its tasks. A DEFAULT
/// executor has no container of its own: the agent supervises its task groups
/// (<see cref="DefaultExecutor"/>). Owned by the agent loop.
/// </summary>
internal sealed class AgentExecutor(FrameworkInfo framework, ExecutorInfo info, string runId, string sandbox)
{
    public FrameworkInfo Framework { get; set; } = framework;
    public ExecutorInfo Info { get; } = info;
    public string RunId { get; } = runId;
    public string Sandbox { get; } = sandbox;
    public string FrameworkId => Framework.Id!.Value;
    public string ExecutorId => Info.ExecutorId.Value;
    public (string Framework, string Executor) Key => (FrameworkId, ExecutorId);
    public bool IsDefault => Info.Type == ExecutorType.DEFAULT;

    public ExecutorState State { get; set; } = ExecutorState.Launching;
    public bool HasSubscribed { get; set; }
    public IContainer? Container { get; set; }
    public ExecutorEventStream? Stream { get; set; }
    public ITimer? Timer { get; set; }

    /// <summary>Why its tasks fail when it ends before they do (registration timeout, launch failure); null: the executor terminated.</summary>
    public TaskStatusReason? EndReason { get; set; }
    public string? EndMessage { get; set; }

    /// <summary>The framework is being shut down: its tasks end without updates, which nobody would acknowledge.</summary>
    public bool FrameworkGone { get; set; }

    /// <summary>Tasks by id, until terminal and acknowledged.</summary>
    public Dictionary<string, AgentTask> Tasks { get; } = new(StringComparer.Ordinal);

    public List<QueuedLaunch> Queued { get; } = [];

    /// <summary>Tasks whose LAUNCH (or LAUNCH_GROUP) went out on the stream.</summary>
    public HashSet<string> Sent { get; } = new(StringComparer.Ordinal);

    /// <summary>The executor's updates not yet acknowledged by the framework: ACKNOWLEDGED goes back for each.</summary>
    public HashSet<(string Task, ByteString Uuid)> AwaitingAck { get; } = [];

    /// <summary>Uuids of every update the executor sent (with the task's id), so a resent one (resubscription) isn't taken twice.</summary>
    public Dictionary<ByteString, string> Seen { get; } = [];

    /// <summary>KILLs for launched tasks that came while the executor had no stream (recovering after an agent restart): sent when it subscribes.</summary>
    public Dictionary<string, KillPolicy?> PendingKills { get; } = new(StringComparer.Ordinal);

    /// <summary>The task groups of a DEFAULT executor, each a list of task ids that live and die together.</summary>
    public List<IReadOnlyList<string>> Groups { get; } = [];

    public IEnumerable<AgentTask> Live => Tasks.Values.Where(t => !t.IsTerminal);
}
