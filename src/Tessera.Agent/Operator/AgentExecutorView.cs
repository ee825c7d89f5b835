using Tessera.Agent.Containerizer;
using Tessera.Core.Protocol;

namespace Tessera.Agent.Operator;

/// <summary>A running custom executor's container as GET_CONTAINERS shows it, copied on the agent loop (usage is measured off it).</summary>
internal sealed record AgentExecutorView(FrameworkID FrameworkId, ExecutorInfo Executor, IContainer Container, double Cpus, double MemMb, double DiskMb);
