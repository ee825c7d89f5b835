using Tessera.Agent.Containerizer;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Tasks;

/// <summary>A task on this agent: what was asked, where it runs, its state. Owned by the agent loop.</summary>
internal sealed class AgentTask(FrameworkInfo framework, TaskInfo info, string sandbox)
{
    public FrameworkInfo Framework { get; set; } = framework;
    public TaskInfo Info { get; } = info;
    public string Sandbox { get; } = sandbox;
    public string FrameworkId => Framework.Id!.Value;
    public string TaskId => Info.TaskId.Value;
    public TaskState State { get; set; } = TaskState.TASK_STAGING;
    public IContainer? Container { get; set; }
    public bool KillRequested { get; set; }
    public MesosTaskStatus? Latest { get; set; }
    public bool IsTerminal => TaskStates.IsTerminal(State);
}
