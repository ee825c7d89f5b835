using System.Globalization;

namespace Tessera.Jobs.Framework;

/// <summary>
/// The templates only an instance can fill (Aurora resolves them when a task is assigned):
/// <c>{{mesos.instance}}</c>, and <c>{{thermos.ports[name]}}</c> when the ports are given (a plain
/// command task; the process-tree executor resolves ports itself from the task's labels).
/// </summary>
public static class InstanceTemplates
{
    public static string Apply(string text, int instance, IReadOnlyDictionary<string, int>? ports)
    {
        var result = text.Replace("{{mesos.instance}}", instance.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var (name, port) in ports ?? new Dictionary<string, int>())
            result = result.Replace($"{{{{thermos.ports[{name}]}}}}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return result;
    }
}
