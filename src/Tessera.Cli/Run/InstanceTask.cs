using System.Globalization;
using Tessera.Core.Protocol;

namespace Tessera.Cli.Run;

/// <summary>
/// The TaskInfo for one instance: a single command word is a shell command string
/// (<c>/bin/sh -c</c>), several words are argv run without a shell; the offer's resources taken
/// for it; the environment plus <c>PORT</c>/<c>PORT0…</c> for the ports taken; an HTTP health check
/// on the first port when asked. Pure.
/// </summary>
internal static class InstanceTask
{
    public static TaskInfo Build(RunSpec spec, int instance, TaskID taskId, AgentID agent, OfferTake take) => new()
    {
        Name = spec.Instances == 1 ? spec.Name : $"{spec.Name}-{instance}",
        TaskId = taskId,
        AgentId = agent,
        Resources = take.Taken,
        Command = Command(spec, take.Ports),
        HealthCheck = spec.HealthHttpPath is { } path && take.Ports.Count > 0
            ? new HealthCheck
            {
                Type = CheckType.HTTP,
                Http = new HttpCheckInfo { Port = (uint)take.Ports[0], Path = path },
            }
            : null,
    };

    public static CommandInfo Command(RunSpec spec, IReadOnlyList<ulong> ports)
    {
        var variables = spec.Environment.Select(v => new EnvironmentVariable { Name = v.Key, Value = v.Value }).ToList();
        if (ports.Count > 0)
            variables.Add(new EnvironmentVariable { Name = "PORT", Value = ports[0].ToString(CultureInfo.InvariantCulture) });
        for (var i = 0; i < ports.Count; i++)
            variables.Add(new EnvironmentVariable { Name = $"PORT{i}", Value = ports[i].ToString(CultureInfo.InvariantCulture) });
        var environment = variables.Count == 0 ? null : new CommandEnvironment { Variables = variables };
        return spec.Command.Count == 1
            ? new CommandInfo { Shell = true, Value = spec.Command[0], Environment = environment, User = spec.User }
            : new CommandInfo { Shell = false, Value = spec.Command[0], Arguments = [.. spec.Command], Environment = environment, User = spec.User };
    }
}
