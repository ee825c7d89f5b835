using System.Globalization;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Agent.Operator;

/// <summary>
/// GET_FLAGS: the agent's options under their Mesos flag names. <c>isolation</c> carries Tessera's
/// isolation line ("plain processes (…)", "cgroups v2 (…) + namespaces (…)"): Mesos' own
/// <c>--isolation</c> flag names the isolators in force, so Mesos clients read it where they expect it.
/// </summary>
internal static class AgentFlags
{
    public static IReadOnlyList<Flag> Of(AgentSnapshot s)
    {
        var o = s.Options;
        var flags = new List<Flag>
        {
            new() { Name = "master", Value = o.Master.ToString() },
            new() { Name = "work_dir", Value = o.WorkDir },
            new() { Name = "ip", Value = o.Ip },
            new() { Name = "port", Value = o.Port.ToString(CultureInfo.InvariantCulture) },
            new() { Name = "isolation", Value = s.Isolation },
            new() { Name = "resources", Value = s.Total.ToString() },
            new() { Name = "executor_shutdown_grace_period", Value = Seconds(o.DefaultKillGrace) },
        };
        if (o.Hostname is { } hostname) flags.Add(new() { Name = "hostname", Value = hostname });
        if (o.Attributes is { } attributes) flags.Add(new() { Name = "attributes", Value = attributes });
        flags.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return flags;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "secs";
}
