using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Config;

/// <summary>
/// A loaded <see cref="JobConfig"/> as the scheduler takes it (<see cref="JobSpec"/>): resources in
/// MB, the named ports it asks for (<see cref="AnnouncerPorts"/>: what its processes use, aliases
/// resolved, and the Announcer's ports), constraints, service
/// flag, failure limit, priority, partition policy, the executor's task JSON and, for agents
/// without the process-tree executor, one shell command.
/// </summary>
public static partial class JobSpecMapping
{
    [GeneratedRegex(@"\{\{thermos\.ports\[([^\]]+)\]\}\}")]
    private static partial Regex PortReference();

    public static JobSpec ToSpec(JobConfig config)
    {
        var job = AnnouncerPorts.WithAliasesResolved(config);
        var task = job.Task;
        var constraints = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, job.Constraints ?? ValueMap.Empty);
        var policy = job.PartitionPolicy is { } p ? new PartitionPolicy(p.Reschedule, p.DelaySecs) : null;
        var template = new TaskSpec(job.Key, 0,
            new TaskResources(task.Resources.Cpu, task.Resources.RamMb, task.Resources.DiskMb, task.Resources.Gpu),
            AnnouncerPorts.Requested(job), constraints, job.Service, job.MaxTaskFailures, job.Priority, policy,
            Command: Command(task), TaskJson: job.ToExecutorJson(), Contact: job.Contact);
        return new JobSpec(job.Key, job.Instances, template);
    }

    /// <summary>Every <c>thermos.ports[name]</c> the processes refer to, in first-use order.</summary>
    public static ImmutableArray<string> PortNames(TaskConfig task) =>
        [.. task.Processes.SelectMany(p => PortReference().Matches(p.Cmdline).Select(m => m.Groups[1].Value)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The processes as one shell command, for a task run without the process-tree executor: the
    /// regular processes one after another in declared order, stopping at the first failure.
    /// </summary>
    public static string Command(TaskConfig task) =>
        string.Join(" && ", task.Processes.Where(p => !p.Final).Select(p => $"( {p.Cmdline} )"));
}
