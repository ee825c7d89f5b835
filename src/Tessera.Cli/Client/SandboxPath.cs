using Tessera.Core.Protocol;

namespace Tessera.Cli.Client;

/// <summary>
/// Where a task's output lives on its agent, in the files API's virtual form (pure). A command task
/// is its own executor; a task of the DEFAULT executor has <c>tasks/&lt;task&gt;/</c> in the executor's
/// sandbox; a custom executor's tasks write into the executor's sandbox.
/// </summary>
internal static class SandboxPath
{
    /// <summary>The executor's latest run: <c>/frameworks/F/executors/E/runs/latest</c>.</summary>
    public static string Run(MesosTask task) =>
        $"/frameworks/{task.FrameworkId.Value}/executors/{task.ExecutorId?.Value ?? task.TaskId.Value}/runs/latest";

    /// <summary>
    /// Paths to try for <paramref name="file"/>, best first. When the executor's type is not known
    /// (the master forgets ended executors) a task with an executor may be either kind, so both are given.
    /// </summary>
    public static IReadOnlyList<string> Candidates(MesosTask task, ExecutorInfo? executor, string file)
    {
        var run = Run(task);
        if (task.ExecutorId is null) return [$"{run}/{file}"];
        var own = $"{run}/tasks/{task.TaskId.Value}/{file}";
        return executor?.Type switch
        {
            ExecutorType.DEFAULT => [own],
            ExecutorType.CUSTOM => [$"{run}/{file}"],
            _ => [own, $"{run}/{file}"],
        };
    }
}
