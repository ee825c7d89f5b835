namespace Tessera.Agent.Metrics;

/// <summary>One metric under its Mesos name (<c>slave/tasks_running</c>); counters only grow.</summary>
internal sealed record AgentMetric(string Name, double Value, bool IsCounter = false);
