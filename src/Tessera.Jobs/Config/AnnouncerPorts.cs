using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tessera.Jobs.Config;

/// <summary>
/// Aurora's port rules for a job with an <c>Announcer</c> (its client's <c>PortResolver</c> and
/// <c>AuroraConfig.ports()</c>). A portmap name leads, through other names, to a root. The root is
/// either a port name, which the scheduler allocates, or a number, which is a static port.
/// <list type="bullet">
/// <item>The scheduler allocates the names the processes refer to (<c>{{thermos.ports[x]}}</c>),
/// each resolved through the portmap. It also allocates every root of the portmap that is a name,
/// so <c>Announcer()</c> alone (portmap <c>{'aurora': 'http'}</c>) asks for <c>http</c>.</item>
/// <item>A reference to an alias is a reference to its root: <c>{{thermos.ports[aurora]}}</c> is
/// the <c>http</c> port.</item>
/// </list>
/// Static ports are refused by <see cref="ConfigSupport"/>, and a cycle by the validator. Pure.
/// </summary>
public static partial class AnnouncerPorts
{
    [GeneratedRegex(@"\{\{thermos\.ports\[([^\]]+)\]\}\}")]
    private static partial Regex PortReference();

    /// <summary>Each portmap name's root, or the name on a cycle (<paramref name="cycle"/>).</summary>
    public static IReadOnlyDictionary<string, string> Roots(ValueMap? portmap, out string? cycle)
    {
        cycle = null;
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _) in portmap ?? ValueMap.Empty)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { name };
            var root = portmap![name];
            while (portmap.TryGetValue(root, out var next))
            {
                if (!seen.Add(root))
                {
                    cycle ??= name;
                    break;
                }
                root = next;
            }
            roots[name] = root;
        }
        return roots;
    }

    /// <summary>True when <paramref name="root"/> is a port number rather than a name.</summary>
    public static bool IsStatic(string root) =>
        int.TryParse(root, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// The ports the scheduler allocates for <paramref name="job"/>: the processes' references in
    /// first-use order, resolved, then the portmap's other roots that are names, in name order.
    /// </summary>
    public static ImmutableArray<string> Requested(JobConfig job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var roots = Roots(job.Announce?.Portmap, out _);
        var referenced = JobSpecMapping.PortNames(job.Task).Select(p => roots.GetValueOrDefault(p, p));
        var unallocated = roots.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value);
        return [.. referenced.Concat(unallocated).Where(p => !IsStatic(p)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary><paramref name="job"/> with every reference to an alias in its cmdlines written as its root.</summary>
    public static JobConfig WithAliasesResolved(JobConfig job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var roots = Roots(job.Announce?.Portmap, out _);
        if (roots.Count == 0) return job;
        string Resolve(string cmdline) => PortReference().Replace(cmdline, m =>
            roots.TryGetValue(m.Groups[1].Value, out var root) && !IsStatic(root)
                ? $"{{{{thermos.ports[{root}]}}}}"
                : m.Value);
        var processes = job.Task.Processes.Select(p => p with { Cmdline = Resolve(p.Cmdline) });
        return job with { Task = job.Task with { Processes = new ValueList<ProcessConfig>(processes) } };
    }
}
