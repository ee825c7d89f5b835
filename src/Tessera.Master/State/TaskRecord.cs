using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Master.State;

/// <summary>A task the master tracks: what was launched, its state history and the update still awaiting the framework's ack.</summary>
internal sealed class TaskRecord(string frameworkId, string agentId, TaskInfo info, string role, ResourceSet resources, string? executorId)
{
    public string FrameworkId { get; } = frameworkId;
    public string AgentId { get; } = agentId;
    public string TaskId => Info.TaskId.Value;
    public TaskInfo Info { get; } = info;
    public string Role { get; } = role;
    public ResourceSet Resources { get; } = resources;
    public string? ExecutorId { get; } = executorId;

    public TaskState State { get => _state; set { _state = value; Wire = null; } }

    /// <summary>Newest status first is <see cref="Latest"/>; the history keeps every state change.</summary>
    public List<MesosTaskStatus> Statuses { get; } = [];

    public MesosTaskStatus? Latest { get => _latest; set { _latest = value; Wire = null; } }

    /// <summary>The update forwarded to the framework and not yet acknowledged (it carries a uuid).</summary>
    public MesosTaskStatus? Unacknowledged { get => _unacknowledged; set { _unacknowledged = value; Wire = null; } }

    /// <summary>
    /// The task as the state endpoints show it, built once and kept until the task changes: with
    /// 100,000 tasks, rebuilding every one for every snapshot would dominate GET_STATE.
    /// </summary>
    public MesosTask? Wire { get; set; }

    private TaskState _state = TaskState.TASK_STAGING;
    private MesosTaskStatus? _latest;
    private MesosTaskStatus? _unacknowledged;

    /// <summary>True once the task's resources went back to the allocator.</summary>
    public bool ResourcesReleased { get; set; }

    public bool IsTerminal => Tessera.Core.Protocol.TaskStates.IsTerminal(State);
}
