using System.Globalization;
using Tessera.Core.Protocol;

namespace Tessera.Executor.Thermos;

/// <summary>
/// The named ports of a task: <c>TaskInfo.discovery.ports</c> (name → number), then task labels
/// whose key is <c>thermos.ports[name]</c> and value the number.
/// </summary>
public static class TaskPorts
{
    /// <summary>The ports of <paramref name="task"/> by name.</summary>
    public static IReadOnlyDictionary<string, int> Of(TaskInfo task)
    {
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var port in task.Discovery?.Ports?.Ports ?? [])
            if (!string.IsNullOrEmpty(port.Name)) ports[port.Name] = (int)port.Number;
        foreach (var label in task.Labels?.Values ?? [])
        {
            if (label.Key.StartsWith("thermos.ports[", StringComparison.Ordinal) && label.Key.EndsWith(']')
                && int.TryParse(label.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                ports.TryAdd(label.Key["thermos.ports[".Length..^1], number);
        }

        return ports;
    }
}
