using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Cli.Client;

/// <summary>
/// Which tasks <c>task list</c> shows (pure): live ones (with unreachable and pending), plus ended
/// ones with <c>--all</c> or when <c>--state</c> names a terminal state; optionally of one framework.
/// A task that has ended but whose last update its framework has not acknowledged yet is still among
/// the master's <c>tasks</c>: it counts as ended here.
/// </summary>
internal sealed record TaskFilter(string? Framework, IReadOnlySet<TaskState>? States, bool All)
{
    public bool IncludesCompleted => All || (States?.Any(TaskStates.IsTerminal) ?? false);

    public GetTasksResponse Apply(GetTasksResponse? tasks) => new()
    {
        PendingTasks = Keep(tasks?.PendingTasks),
        Tasks = Keep(tasks?.Tasks),
        UnreachableTasks = Keep(tasks?.UnreachableTasks),
        CompletedTasks = IncludesCompleted ? Keep(tasks?.CompletedTasks) : null,
    };

    /// <summary>Every task the filtered answer holds, live first, each group by id.</summary>
    public static IEnumerable<MesosTask> Flatten(GetTasksResponse tasks) =>
        new[] { tasks.PendingTasks, tasks.Tasks, tasks.UnreachableTasks, tasks.CompletedTasks }
            .SelectMany(group => (group ?? []).OrderBy(t => t.TaskId.Value, StringComparer.Ordinal));

    /// <summary><c>--state running,failed</c> (also repeated): the states, or a usage error naming the option.</summary>
    public static IReadOnlySet<TaskState>? ParseStates(IEnumerable<string>? texts)
    {
        var words = (texts ?? []).SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (words.Count == 0) return null;
        var states = new HashSet<TaskState>();
        foreach (var word in words)
            states.Add(TaskStateText.Parse(word)
                ?? throw new CliException($"--state: '{word}' is not a task state (one of {TaskStateText.All})", TesseraCommand.ExitUsage));
        return states;
    }

    private List<MesosTask>? Keep(IReadOnlyList<MesosTask>? tasks)
    {
        var kept = (tasks ?? []).Where(t => (Framework is null || t.FrameworkId.Value == Framework)
            && (States is null ? IncludesCompleted || !TaskStates.IsTerminal(t.State) : States.Contains(t.State))).ToList();
        return kept.Count == 0 ? null : kept;
    }
}
