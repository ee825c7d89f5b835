using System.Globalization;
using System.Text.RegularExpressions;

namespace Tessera.Executor.Thermos;

/// <summary>
/// The templates the executor resolves in cmdlines the scheduler left unresolved:
/// <c>{{thermos.ports[name]}}</c>, <c>{{thermos.task_id}}</c>, <c>{{mesos.hostname}}</c> and
/// <c>{{thermos.user}}</c> (the user the task runs as). Any other <c>{{…}}</c> is left as it is; a
/// port the task does not have is an error naming the process.
/// </summary>
public sealed partial record ThermosBindings(
    IReadOnlyDictionary<string, int> Ports, string TaskId, string? Hostname, string? User = null)
{
    /// <summary>The task with its cmdlines (and its shell health check's command) resolved.</summary>
    public ThermosTask Apply(ThermosTask task) => task with
    {
        Processes = [.. task.Processes.Select((p, i) => p with { Cmdline = Resolve(p.Cmdline, $"processes[{i}].cmdline") })],
        HealthCheck = task.HealthCheck is { ShellCommand: { } command } health
            ? health with { ShellCommand = Resolve(command, "health_check_config.health_checker.shell.shell_command") }
            : task.HealthCheck,
    };

    private string Resolve(string cmdline, string field)
    {
        var text = PortReference().Replace(cmdline, m => Ports.TryGetValue(m.Groups[1].Value, out var port)
            ? port.ToString(CultureInfo.InvariantCulture)
            : throw new ThermosConfigException(field, $"uses {m.Value} but the task has no port named '{m.Groups[1].Value}' (ports: {(Ports.Count == 0 ? "none" : string.Join(", ", Ports.Keys))})"));
        text = text.Replace("{{thermos.task_id}}", TaskId, StringComparison.Ordinal);
        if (User is not null) text = text.Replace("{{thermos.user}}", User, StringComparison.Ordinal);
        return Hostname is null ? text : text.Replace("{{mesos.hostname}}", Hostname, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{\{thermos\.ports\[([^\]]+)\]\}\}")]
    private static partial Regex PortReference();
}
