using Tessera.Agent.Containerizer;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Operator;

/// <summary>
/// One task as the operator API and metrics see it, copied on the agent loop. A command task is
/// its own executor (the executor id is the task id). <see cref="Container"/> is kept so that usage
/// can be measured after the copy, off the loop.
/// </summary>
internal sealed record AgentTaskView(
    MesosTask Task,
    FrameworkInfo Framework,
    ExecutorInfo Executor,
    string Sandbox,
    double Cpus,
    double MemMb,
    double DiskMb,
    IContainer? Container)
{
    public bool IsTerminal => TaskStates.IsTerminal(Task.State);
}
