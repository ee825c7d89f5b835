using System.Globalization;
using System.Text.RegularExpressions;
using Tessera.Core.Protocol;

namespace Tessera.Cli.Run;

/// <summary>How a task ended as <c>tessera run</c> reports it: the exit code, and why when it wasn't the command's own.</summary>
internal sealed record TaskOutcome(int ExitCode, string? Explanation);

/// <summary>
/// Terminal task status → exit code, as a shell would give it: the command's status ("Command exited
/// with status N"), 128 + N for a signal ("terminated with signal N"), 1 for a failure without a code
/// and for killed, lost, errored, dropped or gone tasks. Pure.
/// </summary>
internal static partial class TaskExit
{
    /// <summary>The outcome of a terminal status; null while the task is not terminal.</summary>
    public static TaskOutcome? Of(MesosTaskStatus status)
    {
        if (!TaskStates.IsTerminal(status.State)) return null;
        var why = Why(status);
        return status.State switch
        {
            TaskState.TASK_FINISHED => new(0, null),
            TaskState.TASK_FAILED when ExitStatus(status.Message) is { } code => new(code, null),
            TaskState.TASK_FAILED when Signal(status.Message) is { } signal => new(128 + signal, why),
            _ => new(1, why),
        };
    }

    /// <summary>The code for several instances: the first non-zero in instance order, else 0.</summary>
    public static int Combine(IEnumerable<int> codes) => codes.FirstOrDefault(c => c != 0);

    private static string Why(MesosTaskStatus status)
    {
        var parts = new List<string> { status.State.ToString() };
        if (status.Reason is { } reason) parts.Add(reason.ToString());
        var text = string.Join(" ", parts);
        return string.IsNullOrWhiteSpace(status.Message) ? text : $"{text}: {status.Message.Trim()}";
    }

    private static int? ExitStatus(string? message) =>
        message is not null && ExitedPattern().Match(message) is { Success: true } m
        && int.TryParse(m.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? code : null;

    private static int? Signal(string? message) =>
        message is not null && SignalPattern().Match(message) is { Success: true } m
        && int.TryParse(m.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var signal)
            ? signal : null;

    [GeneratedRegex(@"exited with status (-?\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExitedPattern();

    [GeneratedRegex(@"(?:terminated|killed) (?:with|by) signal (\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignalPattern();
}
