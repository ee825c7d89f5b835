namespace Tessera.Agent.Executors;

/// <summary>Sandbox paths as Mesos lays them out under the agent's work dir.</summary>
internal static class ExecutorPaths
{
    /// <summary><c>work_dir/slaves/&lt;agent&gt;/frameworks/&lt;fw&gt;/executors/&lt;executor&gt;/runs/&lt;run&gt;</c>.</summary>
    public static string Sandbox(string workDir, string? agentId, string frameworkId, string executorId, string runId) =>
        Path.Combine(workDir, "slaves", agentId ?? "unregistered", "frameworks", frameworkId, "executors", executorId, "runs", runId);

    /// <summary>A task of a task group: <c>&lt;executor sandbox&gt;/tasks/&lt;task&gt;</c>, as Mesos' default executor has it.</summary>
    public static string TaskSandbox(string executorSandbox, string taskId) => Path.Combine(executorSandbox, "tasks", taskId);
}
