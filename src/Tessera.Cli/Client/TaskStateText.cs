using Tessera.Core.Protocol;

namespace Tessera.Cli.Client;

/// <summary>Task states as the CLI writes and reads them (pure): <c>TASK_RUNNING</c> ⇄ <c>running</c>.</summary>
internal static class TaskStateText
{
    public static string Of(TaskState state) =>
        state.ToString().Replace("TASK_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary><c>running</c>, <c>RUNNING</c> or <c>TASK_RUNNING</c>; null when it names no state.</summary>
    public static TaskState? Parse(string text)
    {
        var name = text.Trim().ToUpperInvariant();
        if (!name.StartsWith("TASK_", StringComparison.Ordinal)) name = "TASK_" + name;
        return Enum.TryParse<TaskState>(name, ignoreCase: false, out var state) && Enum.IsDefined(state) ? state : null;
    }

    /// <summary>Every state's short name, for error messages and help.</summary>
    public static string All => string.Join(", ", Enum.GetValues<TaskState>().Select(Of));
}
