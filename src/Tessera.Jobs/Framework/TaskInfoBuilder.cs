using System.Globalization;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Tessera.Jobs.Scheduling;
using Resource = Tessera.Core.Protocol.Resource;
using WireRange = Tessera.Core.Protocol.ValueRange;

namespace Tessera.Jobs.Framework;

/// <summary>
/// The one place a job's task becomes a Mesos <c>TaskInfo</c> (pure). The resources are taken from
/// the offer's own entries (roles, reservations and allocation info kept), the ports are the
/// numbers placement picked. A task with <see cref="TaskSpec.TaskJson"/> runs under the process-tree
/// executor (a CUSTOM executor per task, id = task id; <c>data</c> carries the task JSON); a task
/// with only <see cref="TaskSpec.Command"/> is a plain command task run with <c>/bin/sh -c</c>.
/// Ports are also given as <c>PORT_name</c> and <c>PORT0…</c> environment variables.
/// </summary>
public static class TaskInfoBuilder
{
    /// <summary>Builds the launch of <paramref name="task"/>; <paramref name="offered"/> is what is still free of the offer and <c>Left</c> what remains after it.</summary>
    public static (TaskInfo Info, IReadOnlyList<Resource> Left) Build(
        ScheduledTask task, TaskAssignment assignment, IReadOnlyList<Resource> offered, string? thermosExecutor, TaskResources? executorOverhead = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(offered);
        var spec = task.Spec;
        var left = offered.ToList();
        var taken = new List<Resource>();
        OfferResources.TakeScalar(left, taken, ResourceNames.Cpus, spec.Resources.Cpus);
        OfferResources.TakeScalar(left, taken, ResourceNames.Mem, spec.Resources.RamMb);
        OfferResources.TakeScalar(left, taken, ResourceNames.Disk, spec.Resources.DiskMb);
        OfferResources.TakeScalar(left, taken, ResourceNames.Gpus, spec.Resources.Gpus);
        TakePorts(left, taken, assignment.Ports.Values);
        var executorTaken = new List<Resource>();
        var thermos = UsesExecutor(spec, thermosExecutor);
        if (thermos && executorOverhead is { } extra)
        {
            OfferResources.TakeScalar(left, executorTaken, ResourceNames.Cpus, extra.Cpus);
            OfferResources.TakeScalar(left, executorTaken, ResourceNames.Mem, extra.RamMb);
        }

        var environment = Environment(spec, assignment);
        var portsByName = Placement.PortNames(spec).Where(assignment.Ports.ContainsKey).ToDictionary(n => n, n => assignment.Ports[n], StringComparer.Ordinal);
        var info = new TaskInfo
        {
            Name = $"{spec.Job}/{spec.InstanceId.ToString(CultureInfo.InvariantCulture)}",
            TaskId = TaskID.Of(task.TaskId),
            AgentId = AgentID.Of(assignment.AgentId),
            Resources = taken,
            Labels = new Labels
            {
                Values =
                [
                    new Label { Key = "tessera.job", Value = spec.Job.ToString() },
                    new Label { Key = "tessera.instance", Value = spec.InstanceId.ToString(CultureInfo.InvariantCulture) },
                    // The process-tree executor resolves {{thermos.ports[name]}} from these.
                    .. portsByName.Select(p => new Label { Key = $"thermos.ports[{p.Key}]", Value = p.Value.ToString(CultureInfo.InvariantCulture) }),
                ],
            },
        };
        info = !thermos
            ? info with { Command = new CommandInfo { Shell = true, Value = InstanceTemplates.Apply(spec.Command ?? "true", spec.InstanceId, portsByName), Environment = environment } }
            : info with
            {
                Executor = new ExecutorInfo
                {
                    Type = ExecutorType.CUSTOM,
                    ExecutorId = ExecutorID.Of($"thermos-{task.TaskId}"),
                    Name = $"thermos {spec.Job}/{spec.InstanceId.ToString(CultureInfo.InvariantCulture)}",
                    Command = new CommandInfo { Shell = true, Value = thermosExecutor!, Environment = environment },
                    Resources = executorTaken.Count > 0 ? executorTaken : null,
                },
                Data = ByteString.FromUtf8(InstanceTemplates.Apply(spec.TaskJson!, spec.InstanceId, ports: null)),
            };
        return (info, left);
    }

    /// <summary>
    /// A task with <see cref="TaskSpec.TaskJson"/> runs under the process-tree executor (when there is one);
    /// a plain <c>command</c> runs as a command task.
    /// </summary>
    public static bool UsesExecutor(TaskSpec spec, string? thermosExecutor) =>
        !string.IsNullOrWhiteSpace(thermosExecutor) && !string.IsNullOrWhiteSpace(spec.TaskJson);

    private static CommandEnvironment? Environment(TaskSpec spec, TaskAssignment assignment)
    {
        var variables = new List<EnvironmentVariable>
        {
            new() { Name = "TESSERA_JOB", Value = spec.Job.ToString() },
            new() { Name = "TESSERA_INSTANCE", Value = spec.InstanceId.ToString(CultureInfo.InvariantCulture) },
        };
        var names = Placement.PortNames(spec);
        for (var i = 0; i < names.Length; i++)
        {
            if (!assignment.Ports.TryGetValue(names[i], out var port)) continue;
            var text = port.ToString(CultureInfo.InvariantCulture);
            variables.Add(new EnvironmentVariable { Name = $"PORT{i.ToString(CultureInfo.InvariantCulture)}", Value = text });
            variables.Add(new EnvironmentVariable { Name = $"PORT_{names[i].ToUpperInvariant()}", Value = text });
        }
        return new CommandEnvironment { Variables = variables };
    }

    private static void TakePorts(List<Resource> left, List<Resource> taken, IEnumerable<int> ports)
    {
        foreach (var port in ports.Select(p => (ulong)p))
        {
            for (var i = 0; i < left.Count; i++)
            {
                var r = left[i];
                if (r.Name != ResourceNames.Ports || r.Type != ValueKind.RANGES || r.Ranges?.Range is not { } ranges || !OfferResources.Usable(r)) continue;
                if (!ranges.Any(g => g.Begin <= port && port <= g.End)) continue;
                taken.Add(r with { Ranges = new ValueRanges { Range = [WireRange.Of(port, port)] } });
                var rest = ranges.SelectMany(g => Without(g, port)).ToList();
                if (rest.Count > 0) left[i] = r with { Ranges = new ValueRanges { Range = rest } };
                else left.RemoveAt(i);
                break;
            }
        }
    }

    private static IEnumerable<WireRange> Without(WireRange range, ulong port)
    {
        if (port < range.Begin || port > range.End) { yield return range; yield break; }
        if (port > range.Begin) yield return WireRange.Of(range.Begin, port - 1);
        if (port < range.End) yield return WireRange.Of(port + 1, range.End);
    }

    /// <summary>Mesos scalars are fixed-point with three decimals.</summary>
}
